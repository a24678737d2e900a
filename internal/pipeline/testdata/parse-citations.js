// Parses the edition's citation files with Citation.js, the parser
// behind many reference tools, and prints for each format the items as
// it reads them: id, type, year and names. Usage:
//   node parse-citations.js DIR   (DIR/data/citations.{bib,ris,json})
// A file that does not parse exits non-zero with the parser's error.
"use strict";
const fs = require("fs"), path = require("path");
const { plugins } = require("@citation-js/core");
require("@citation-js/plugin-bibtex");
require("@citation-js/plugin-ris");

const dir = process.argv[2];
const read = (name) => fs.readFileSync(path.join(dir, "data", name), "utf8");

function year(date) {
  if (!date) return "";
  if (date["date-parts"] && date["date-parts"][0] && date["date-parts"][0][0]) return String(date["date-parts"][0][0]);
  return date.literal || date.raw || "";
}

function names(list) {
  return (list || []).map((n) => ({ family: n.family || "", given: n.given || "", literal: n.literal || "" }));
}

function summary(items) {
  return items.map((it) => ({
    id: it.id || it["citation-key"] || "",
    type: it.type || "",
    title: it.title || "",
    year: year(it.issued),
    authors: names(it.author),
    editors: names(it.editor),
    container: it["container-title"] || "",
  }));
}

function parse(format, text) {
  // Each format through its own parser, not the type guesser.
  const type = { bibtex: "@biblatex/text", ris: "@ris/file", csl: "@csl/list+object" }[format];
  let data = text;
  if (format === "csl") data = JSON.parse(text);
  return plugins.input.chain(data, { forceType: type, generateGraph: false });
}

const out = {};
for (const [format, file] of [["bibtex", "citations.bib"], ["ris", "citations.ris"], ["csl", "citations.json"]]) {
  out[format] = summary(parse(format, read(file)));
}
process.stdout.write(JSON.stringify(out));
