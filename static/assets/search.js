// Full-text search for search.html.
//
// The index is a set of scripts below search/, written by internal/search:
// manifest.js (loaded by the page before this file), term shards t-KEY.js
// and document shards d-N.js, which are added as script elements when a
// query needs them. Scripts rather than fetched JSON, so that the search
// works on any static host and from a folder opened from disk. Each file
// hands its data to window.EditionSearch.push.
//
// Folding and tokenising follow internal/search/fold.go rune by rune, dates
// internal/search/dates.go and corrections of misspelt words
// internal/search/suggest.go (the Go reference of the query side is in the
// package's query_test.go); the tables come from the manifest, so Go and
// JavaScript agree. Without JavaScript the page points to the indexes
// instead.
(function (global) {
  "use strict";

  var PAGE = 10;            // results shown at a time
  var DEBOUNCE = 200;       // ms of quiet typing before a search runs

  var manifest = null;
  var onManifest = [];
  var foldTable = {};       // letter → base letters
  var stopWords = {};
  var apostrophes = "";
  var termShards = {};      // shard key → [[term, postings], …], sorted
  var docShards = {};       // shard number → [[label, title, url, date, snippet], …]
  var lexicon = {};         // first letter → terms a word may be corrected to, commonest first
  var loading = {};         // file → Promise
  var root = "";            // from the page to the site root

  var termRune = /^[\p{L}\p{N}\p{M}]$/u;
  var hanRune = /^\p{Script=Han}$/u;

  // Data ------------------------------------------------------------------

  function receive(data) {
    if (!data || typeof data !== "object") { return; }
    if (data.type === "manifest") { setManifest(data); }
    if (data.type === "terms") { termShards[data.key] = data.terms; }
    if (data.type === "docs") { docShards[data.shard] = data.items; }
    if (data.type === "lex") { lexicon[data.key] = data.terms ? data.terms.split(",") : []; }
  }

  function setManifest(m) {
    manifest = m;
    foldTable = {};
    m.fold.split("|").forEach(function (group) {
      var i = group.indexOf(":");
      Array.from(group.slice(i + 1)).forEach(function (ch) { foldTable[ch] = group.slice(0, i); });
    });
    stopWords = {};
    m.stop.forEach(function (w) { stopWords[w] = true; });
    apostrophes = m.apostrophes;
    onManifest.splice(0).forEach(function (f) { f(); });
  }

  function whenManifest() {
    return new Promise(function (resolve) {
      if (manifest) { resolve(); } else { onManifest.push(resolve); }
    });
  }

  // load adds the script search/FILE once and resolves when it has run.
  function load(file) {
    if (!loading[file]) {
      loading[file] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = root + "search/" + file + "?v=" + manifest.hash;
        s.onload = function () { resolve(); };
        s.onerror = function () {
          delete loading[file];
          reject(new Error("could not load " + s.src));
        };
        document.head.appendChild(s);
      });
    }
    return loading[file];
  }

  // Folding and tokenising (as in fold.go) --------------------------------

  function foldChar(ch) {
    var out = "";
    Array.from(ch.toLowerCase()).forEach(function (c) {
      var cp = c.codePointAt(0);
      if (cp >= 0x300 && cp <= 0x36f) { return; }
      if (apostrophes.indexOf(c) >= 0) { out += "'"; return; }
      out += Object.prototype.hasOwnProperty.call(foldTable, c) ? foldTable[c] : c;
    });
    return out;
  }

  function fold(s) {
    return Array.from(s).map(foldChar).join("");
  }

  function isTerm(c) { return termRune.test(c); }
  function isHan(c) { return hanRune.test(c); }

  // scan returns the terms of s with where each stands in s, so that the
  // words of a snippet can be marked.
  function scan(s) {
    return scanText(s).tokens;
  }

  // scanText returns the folded runes of s and its terms, each with where
  // it stands in s (start, end) and in the runes (rstart, rend).
  function scanText(s) {
    var rs = [], from = [], to = [], at = 0;
    Array.from(s).forEach(function (ch) {
      Array.from(foldChar(ch)).forEach(function (c) { rs.push(c); from.push(at); to.push(at + ch.length); });
      at += ch.length;
    });
    var tokens = [], cur = "", n = 0, start = 0, end = 0, rstart = 0, rend = 0;
    function flush() {
      if (n > 0) { tokens.push({ term: cur, start: start, end: end, rstart: rstart, rend: rend }); }
      cur = ""; n = 0;
    }
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i];
      if (isHan(r)) {
        flush();
        tokens.push({ term: r, start: from[i], end: to[i], rstart: i, rend: i + 1 });
      } else if (isTerm(r)) {
        if (n === 0) { start = from[i]; rstart = i; }
        if (n < manifest.maxTerm) { cur += r; n++; }
        end = to[i];
        rend = i + 1;
      } else if (r === "'" && n > 0 && possessive(rs, i)) {
        flush();
        i++;
      } else if (!(r === "'" && n > 0 && i + 1 < rs.length && isTerm(rs[i + 1]) && !isHan(rs[i + 1]))) {
        flush();
      }
    }
    flush();
    return { runes: rs, tokens: tokens };
  }

  function possessive(rs, i) {
    return i + 1 < rs.length && rs[i + 1] === "s" &&
      (i + 2 === rs.length || !isTerm(rs[i + 2]) || isHan(rs[i + 2]));
  }

  function tokenize(s) {
    return scan(s).map(function (t) { return t.term; });
  }

  // Dates (as in dates.go) ------------------------------------------------

  function isDateTerm(t) { return t.indexOf("-") > 0; }

  // classify says what a term can be in a date.
  function classify(term) {
    var w = { day: 0, month: manifest.dates.months[term] || 0, year: 0, two: -1 };
    if (!Object.prototype.hasOwnProperty.call(manifest.dates.months, term)) { w.month = 0; }
    var m = /^([0-9]*)(.*)$/.exec(term), digits = m[1].length, suffix = m[2];
    var num = digits > 0 ? parseInt(m[1], 10) : 0;
    if (digits === 4 && suffix === "" && num >= 1000 && num <= 2999) {
      w.year = num;
    } else if (digits >= 1 && digits <= 2 &&
        (suffix === "" || suffix === "st" || suffix === "nd" || suffix === "rd" || suffix === "th")) {
      if (digits === 2 && suffix === "") { w.two = num; }
      if (num >= 1 && num <= 31) { w.day = num; }
    }
    return w;
  }

  function daysIn(y, m) { return new Date(Date.UTC(y, m, 0)).getUTCDate(); }

  function pad(n, width) {
    var s = String(n);
    while (s.length < width) { s = "0" + s; }
    return s;
  }

  // dateScanner finds the dates in the tokens of scanText(s).
  function dateScanner(text) {
    var rs = text.runes, toks = text.tokens, words = toks.map(function (t) { return classify(t.term); });
    var none = { day: 0, month: 0, year: 0, two: -1 };
    function w(k) { return k < toks.length ? words[k] : none; }
    function sep(i) { return rs.slice(toks[i - 1].rend, toks[i].rstart); }
    function run(i, set) {
      if (i >= toks.length) { return false; }
      var s = sep(i);
      return s.length > 0 && s.every(function (r) { return set.indexOf(r) >= 0; });
    }
    function blank(i) { return run(i, manifest.dates.blanks); }
    function space(i) { return run(i, manifest.dates.spaces); }
    function dash(i) {
      if (i >= toks.length) { return false; }
      var dashes = 0, ok = true;
      sep(i).forEach(function (r) {
        if (manifest.dates.spaces.indexOf(r) >= 0) { return; }
        if (manifest.dates.dashes.indexOf(r) >= 0) { dashes++; } else { ok = false; }
      });
      return ok && dashes === 1;
    }
    function hyphen(i) {
      if (i >= toks.length) { return false; }
      var s = sep(i);
      return s.length === 1 && s[0] === "-";
    }
    function days(a, b) {
      var out = [];
      for (var d = a; d <= b; d++) { out.push(d); }
      return out;
    }
    function at(i) {
      var y, m, last;
      if (w(i).year > 0) {
        y = w(i).year; m = w(i + 1).two;
        if (m < 1 || m > 12 || !hyphen(i + 1)) { return null; }
        var d = w(i + 2).two;
        if (d >= 1 && d <= daysIn(y, m) && hyphen(i + 2)) {
          return { first: i, next: i + 3, days: [d], month: m, year: y };
        }
        return { first: i, next: i + 2, days: [], month: m, year: y };
      }
      if (w(i).day > 0) {
        last = i;
        if (w(i + 1).day > w(i).day && dash(i + 1)) { last = i + 1; }
        m = w(last + 1).month; y = w(last + 2).year;
        if (m === 0 || y === 0 || !space(last + 1) || !blank(last + 2) || w(last).day > daysIn(y, m)) { return null; }
        return { first: i, next: last + 3, days: days(w(i).day, w(last).day), month: m, year: y };
      }
      if (w(i).month > 0) {
        m = w(i).month;
        y = w(i + 1).year;
        if (y > 0 && blank(i + 1)) { return { first: i, next: i + 2, days: [], month: m, year: y }; }
        if (w(i + 1).day === 0 || !blank(i + 1)) { return null; }
        last = i + 1;
        if (w(i + 2).day > w(i + 1).day && dash(i + 2)) { last = i + 2; }
        y = w(last + 1).year;
        if (y === 0 || !blank(last + 1) || w(last).day > daysIn(y, m)) { return null; }
        return { first: i, next: last + 2, days: days(w(i + 1).day, w(last).day), month: m, year: y };
      }
      return null;
    }
    return function each(f) {
      for (var i = 0; i < toks.length;) {
        var d = at(i);
        if (d) { f(d); i = d.next; } else { i++; }
      }
    };
  }

  // dateTerms lists the terms of a date: for a text its days and month,
  // for a query its days, or its month when it has none.
  function dateTerms(d, query) {
    var month = pad(d.year, 4) + "-" + pad(d.month, 2);
    var out = d.days.map(function (day) { return month + "-" + pad(day, 2); });
    if (!query || out.length === 0) { out.push(month); }
    return out;
  }

  // queryTerms is tokenize with every date replaced by its date terms.
  function queryTerms(q) {
    var text = scanText(q), out = [], next = 0;
    var terms = text.tokens.map(function (t) { return t.term; });
    dateScanner(text)(function (d) {
      out = out.concat(terms.slice(next, d.first), dateTerms(d, true));
      next = d.next;
    });
    return out.concat(terms.slice(next));
  }

  function parseQuery(q) {
    var words = [];
    queryTerms(q).forEach(function (t) {
      if (!stopWords[t] && words.indexOf(t) < 0) { words.push(t); }
    });
    var folded = Array.from(fold(q));
    var last = words[words.length - 1];
    var prefix = !!last && folded.length > 0 && isTerm(folded[folded.length - 1]) &&
      folded.join("").endsWith(last) && !isDateTerm(last) && Array.from(last).length >= manifest.minPrefix;
    return { words: words, prefix: prefix };
  }

  // Searching (as the Go reference, Index.Search in query_test.go) ----------

  // shardsFor lists the term shards a word needs: the one whose key is the
  // longest prefix of the word and, for a prefix search, those whose keys
  // begin with the word while they fit the budget.
  function shardsFor(word, prefix) {
    var best = null, longer = [], budget = manifest.prefixBudget;
    manifest.terms.forEach(function (t) {
      var key = t[0];
      if (word.startsWith(key) && (!best || key.length > best[0].length)) {
        best = t;
      } else if (prefix && key.length > word.length && key.startsWith(word) && t[2] <= budget) {
        longer.push(t);
        budget -= t[2];
      }
    });
    return (best ? [best] : []).concat(longer);
  }

  function match(word, prefix, shards) {
    var best = new Map(), levels = manifest.weights.levels;
    shards.forEach(function (shard) {
      var terms = termShards[shard[0]] || [];
      for (var i = lowerBound(terms, word); i < terms.length; i++) {
        var term = terms[i][0];
        if (term !== word && !(prefix && term.startsWith(word))) { break; }
        var item = 0;
        terms[i][1].split(",").forEach(function (v) {
          var n = parseInt(v, 36);
          item += Math.floor(n / levels);
          var w = n % levels;
          if (!best.has(item) || w > best.get(item)) { best.set(item, w); }
        });
      }
    });
    return best;
  }

  function lowerBound(terms, word) {
    var lo = 0, hi = terms.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid][0] < word) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  function intersect(hits, found, first) {
    var next = new Map();
    found.forEach(function (w, item) {
      var h = hits && hits.get(item);
      if (!h && !first) { return; }
      h = h || { item: item, titleWords: 0, score: 0, freq: 0 };
      var field = Math.floor(w / manifest.weights.freq);
      h.score += field;
      h.freq += w % manifest.weights.freq;
      if (field >= manifest.weights.title) { h.titleWords++; }
      next.set(item, h);
    });
    return next;
  }

  function compareHits(a, b) {
    return (b.titleWords - a.titleWords) || (b.score - a.score) || (b.freq - a.freq) || (a.item - b.item);
  }

  // search resolves to the query and its hits, best first.
  function search(q) {
    return whenManifest().then(function () { return searchQuery(parseQuery(q)); });
  }

  // searchQuery loads the term shards a parsed query needs and finds its
  // hits.
  function searchQuery(query) {
    var needs = query.words.map(function (w, i) {
      return shardsFor(w, query.prefix && i === query.words.length - 1);
    });
    var files = [];
    needs.forEach(function (shards) {
      shards.forEach(function (t) { if (files.indexOf(t[1]) < 0) { files.push(t[1]); } });
    });
    return Promise.all(files.map(load)).then(function () {
      var hits = null;
      query.words.forEach(function (w, i) {
        hits = intersect(hits, match(w, query.prefix && i === query.words.length - 1, needs[i]), i === 0);
      });
      return { query: query, hits: hits ? Array.from(hits.values()).sort(compareHits) : [] };
    });
  }

  // Corrections (as Built.Suggest in query_test.go, over suggest.go's lexicon)

  function maxEdits(n) {
    return n >= manifest.suggest.two ? 2 : n >= manifest.suggest.one ? 1 : 0;
  }

  // editDistance is the optimal string alignment distance of the rune
  // arrays a and b, or more than limit when it exceeds limit.
  function editDistance(a, b, limit) {
    var prev2 = [], prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) { prev[j] = j; prev2[j] = 0; cur[j] = 0; }
    for (i = 1; i <= a.length; i++) {
      cur[0] = i;
      var low = cur[0];
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
        }
        low = Math.min(low, cur[j]);
      }
      if (low > limit) { return limit + 1; }
      var t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    return prev[b.length];
  }

  // correct returns the closest term of the lexicon to word, or "".
  function correct(word) {
    var w = Array.from(word), limit = maxEdits(w.length);
    if (limit === 0 || isDateTerm(word)) { return ""; }
    var best = "", bestD = limit + 1;
    (lexicon[w[0]] || []).forEach(function (t) {
      var tr = Array.from(t);
      if (tr.length - w.length >= bestD || w.length - tr.length >= bestD) { return; }
      var d = editDistance(w, tr, bestD - 1);
      if (d < bestD) { best = t; bestD = d; }
    });
    return best;
  }

  // suggest resolves, for a query that finds nothing, to a corrected query
  // that finds something: {words, text}, text being q with the corrected
  // words; otherwise to null.
  function suggest(q) {
    return search(q).then(function (res) {
      var query = res.query;
      if (query.words.length === 0 || res.hits.length > 0) { return null; }
      var wrong = [], files = [];
      query.words.forEach(function (w, i) {
        var prefix = query.prefix && i === query.words.length - 1;
        if (match(w, prefix, shardsFor(w, prefix)).size > 0) { return; }
        wrong.push(i);
        var first = Array.from(w)[0];
        var shard = manifest.lexicon.find(function (t) { return t[0] === first; });
        if (shard && maxEdits(Array.from(w).length) > 0 && files.indexOf(shard[1]) < 0) { files.push(shard[1]); }
      });
      return Promise.all(files.map(load)).then(function () {
        var words = query.words.slice(), changes = {}, changed = false;
        wrong.forEach(function (i) {
          var c = correct(words[i]);
          if (c) { changes[words[i]] = c; words[i] = c; changed = true; }
        });
        if (!changed) { return null; }
        words = words.filter(function (w, i) { return words.indexOf(w) === i; });
        return searchQuery({ words: words, prefix: false }).then(function (fixed) {
          return fixed.hits.length > 0 ? { words: words, text: corrected(q, changes) } : null;
        });
      });
    });
  }

  // corrected rewrites the words of q that changes maps to their
  // corrections, in the case they were typed in.
  function corrected(q, changes) {
    var out = "", pos = 0;
    scan(q).forEach(function (t) {
      if (!Object.prototype.hasOwnProperty.call(changes, t.term)) { return; }
      var typed = q.slice(t.start, t.end), to = changes[t.term];
      if (typed.length > 1 && typed === typed.toUpperCase() && typed !== typed.toLowerCase()) {
        to = to.toUpperCase();
      } else if (typed.charAt(0) !== typed.charAt(0).toLowerCase()) {
        to = to.charAt(0).toUpperCase() + to.slice(1);
      }
      out += q.slice(pos, t.start) + to;
      pos = t.end;
    });
    return out + q.slice(pos);
  }

  // items resolves to the rows of the hits given.
  function items(hits) {
    var size = manifest.docShard, files = [];
    hits.forEach(function (h) {
      var f = "d-" + Math.floor(h.item / size) + ".js";
      if (files.indexOf(f) < 0) { files.push(f); }
    });
    return Promise.all(files.map(load)).then(function () {
      return hits.map(function (h) {
        var row = docShards[Math.floor(h.item / size)][h.item % size];
        return { label: manifest.labels[row[0]], title: row[1], url: row[2], date: row[3], snippet: row[4] };
      });
    });
  }

  // Page ------------------------------------------------------------------

  // matcher returns a function that finds the spans of a text that match
  // the query: its words, its prefix and the dates of its date words.
  function matcher(query) {
    function isWord(term) {
      return query.words.some(function (w, i) {
        return term === w || (query.prefix && i === query.words.length - 1 && term.startsWith(w));
      });
    }
    var dates = query.words.filter(isDateTerm);
    return function (s) {
      var text = scanText(s), spans = [], inDate = [];
      if (dates.length > 0) {
        dateScanner(text)(function (d) {
          if (dateTerms(d, false).some(function (t) { return dates.indexOf(t) >= 0; })) {
            spans.push({ start: text.tokens[d.first].start, end: text.tokens[d.next - 1].end });
            for (var k = d.first; k < d.next; k++) { inDate[k] = true; }
          }
        });
      }
      text.tokens.forEach(function (t, k) {
        if (!inDate[k] && isWord(t.term)) { spans.push({ start: t.start, end: t.end }); }
      });
      return spans.sort(function (a, b) { return a.start - b.start; });
    };
  }

  // marked appends text to el with the matching spans in <mark>.
  function marked(el, text, spansOf) {
    var pos = 0;
    spansOf(text).forEach(function (t) {
      el.appendChild(document.createTextNode(text.slice(pos, t.start)));
      var m = document.createElement("mark");
      m.textContent = text.slice(t.start, t.end);
      el.appendChild(m);
      pos = t.end;
    });
    el.appendChild(document.createTextNode(text.slice(pos)));
    return el;
  }

  // excerpt starts a long snippet near its first matching word.
  function excerpt(text, spansOf) {
    var first = spansOf(text)[0];
    if (!first || first.start < 120) { return text; }
    var cut = text.lastIndexOf(" ", first.start - 50);
    return cut > 0 ? "…" + text.slice(cut + 1) : text;
  }

  function resultItem(row, isMatch) {
    var li = document.createElement("li");
    var a = document.createElement("a");
    a.href = root + row.url;
    li.appendChild(marked(a, row.title, isMatch));
    var meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = row.date ? row.label + " · " : row.label;
    if (row.date) { marked(meta, row.date, isMatch); }
    li.appendChild(meta);
    if (row.snippet) {
      li.appendChild(marked(document.createElement("p"), excerpt(row.snippet, isMatch), isMatch));
    }
    return li;
  }

  function ui() {
    var input = document.getElementById("q");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    if (!input || !status || !list) { return; }
    var script = document.querySelector('script[src$="search/manifest.js"]');
    root = script ? script.getAttribute("src").replace(/search\/manifest\.js$/, "") : "";
    var more = document.createElement("button");
    more.type = "button";
    more.id = "search-more";
    more.hidden = true;
    more.textContent = "Show more results";
    list.parentNode.insertBefore(more, list.nextSibling);

    var timer = 0, generation = 0, current = null, shown = 0;

    function say(text) { status.textContent = text; }

    function quoted(q) { return "“" + q.trim() + "”"; }

    function failed() {
      say("The search index could not be loaded. Use the indexes of documents, people and notes instead.");
    }

    function showMore(focus) {
      var g = generation;
      var next = current.hits.slice(shown, shown + PAGE);
      return items(next).then(function (rows) {
        if (g !== generation) { return; }
        var isMatch = matcher(current.query);
        var firstNew = null;
        rows.forEach(function (row) {
          var li = resultItem(row, isMatch);
          firstNew = firstNew || li.querySelector("a");
          list.appendChild(li);
        });
        shown += rows.length;
        var total = current.hits.length;
        more.hidden = shown >= total;
        var what = total === 1 ? "1 result" : total + " results";
        say(shown < total ? "Showing " + shown + " of " + what + " for " + quoted(input.value) + "." :
          what.charAt(0).toUpperCase() + what.slice(1) + " for " + quoted(input.value) + ".");
        if (focus && firstNew) { firstNew.focus(); }
      });
    }

    // offer adds "Did you mean …?" to the status, with a link that runs
    // the corrected search in place (and, opened in a new tab, loads it).
    function offer(text) {
      var a = document.createElement("a");
      a.id = "search-suggestion";
      a.href = "?q=" + encodeURIComponent(text);
      a.textContent = text;
      a.addEventListener("click", function (e) {
        e.preventDefault();
        input.value = text;
        input.focus();
        run();
      });
      status.appendChild(document.createTextNode(" Did you mean "));
      status.appendChild(a);
      status.appendChild(document.createTextNode("?"));
    }

    function remember(q) {
      try {
        var url = new URL(location.href);
        if (q) { url.searchParams.set("q", q); } else { url.searchParams.delete("q"); }
        history.replaceState(null, "", url.href);
      } catch (e) {
        // Some browsers refuse to change the URL of a page opened from disk.
      }
    }

    function run() {
      clearTimeout(timer);
      var g = ++generation;
      var q = input.value;
      remember(q.trim());
      whenManifest().then(function () {
        if (g !== generation) { return null; }
        if (parseQuery(q).words.length === 0) {
          list.textContent = "";
          more.hidden = true;
          say(q.trim() ? "Type a less common word: " + quoted(q) + " is too common to search for." : "");
          return null;
        }
        return search(q).then(function (res) {
          if (g !== generation) { return null; }
          current = res;
          shown = 0;
          list.textContent = "";
          if (res.hits.length === 0) {
            more.hidden = true;
            say("No results for " + quoted(q) + ".");
            // An offer is a help: if its files cannot be loaded, the
            // page still says there are no results.
            return suggest(q).then(function (s) {
              if (s && g === generation) { offer(s.text); }
            }, function () {});
          }
          return showMore(false);
        });
      }).catch(failed);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, DEBOUNCE);
    });
    if (input.form) {
      input.form.addEventListener("submit", function (e) {
        e.preventDefault();
        run();
      });
    }
    more.addEventListener("click", function () {
      if (current) { showMore(true).catch(failed); }
    });
    global.addEventListener("load", function () {
      if (!manifest) { failed(); }
    });
    var q = new URLSearchParams(location.search).get("q");
    if (q) {
      input.value = q;
      run();
    }
  }

  var queued = global.EditionSearch;
  global.EditionSearch = {
    push: receive,
    fold: fold,
    tokenize: tokenize,
    parseQuery: parseQuery,
    search: search,
    items: items,
    suggest: suggest
  };
  if (Array.isArray(queued)) { queued.forEach(receive); }
  if (typeof document !== "undefined") { ui(); }
})(typeof window !== "undefined" ? window : globalThis);
