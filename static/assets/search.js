// Full-text search for search.html.
//
// The index is a set of scripts below search/, written by internal/search:
// manifest.js (loaded by the page before this file), term shards t-KEY.js
// and document shards d-N.js, which are added as script elements when a
// query needs them. Scripts rather than fetched JSON, so that the search
// works on any static host and from a folder opened from disk. Each file
// hands its data to window.EditionSearch.push.
//
// Folding and tokenising follow internal/search/fold.go rune by rune; the
// tables come from the manifest, so Go and JavaScript agree. Without
// JavaScript the page points to the indexes instead.
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
    var rs = [], from = [], to = [], at = 0;
    Array.from(s).forEach(function (ch) {
      Array.from(foldChar(ch)).forEach(function (c) { rs.push(c); from.push(at); to.push(at + ch.length); });
      at += ch.length;
    });
    var tokens = [], cur = "", n = 0, start = 0, end = 0;
    function flush() {
      if (n > 0) { tokens.push({ term: cur, start: start, end: end }); }
      cur = ""; n = 0;
    }
    for (var i = 0; i < rs.length; i++) {
      var r = rs[i];
      if (isHan(r)) {
        flush();
        tokens.push({ term: r, start: from[i], end: to[i] });
      } else if (isTerm(r)) {
        if (n === 0) { start = from[i]; }
        if (n < manifest.maxTerm) { cur += r; n++; }
        end = to[i];
      } else if (r === "'" && n > 0 && possessive(rs, i)) {
        flush();
        i++;
      } else if (!(r === "'" && n > 0 && i + 1 < rs.length && isTerm(rs[i + 1]) && !isHan(rs[i + 1]))) {
        flush();
      }
    }
    flush();
    return tokens;
  }

  function possessive(rs, i) {
    return i + 1 < rs.length && rs[i + 1] === "s" &&
      (i + 2 === rs.length || !isTerm(rs[i + 2]) || isHan(rs[i + 2]));
  }

  function tokenize(s) {
    return scan(s).map(function (t) { return t.term; });
  }

  function parseQuery(q) {
    var words = [];
    tokenize(q).forEach(function (t) {
      if (!stopWords[t] && words.indexOf(t) < 0) { words.push(t); }
    });
    var folded = Array.from(fold(q));
    var last = words[words.length - 1];
    var prefix = !!last && folded.length > 0 && isTerm(folded[folded.length - 1]) &&
      folded.join("").endsWith(last) && Array.from(last).length >= manifest.minPrefix;
    return { words: words, prefix: prefix };
  }

  // Searching (as Index.Search in index.go) -------------------------------

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
    return whenManifest().then(function () {
      var query = parseQuery(q);
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
    });
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

  function matcher(query) {
    return function (term) {
      return query.words.some(function (w, i) {
        return term === w || (query.prefix && i === query.words.length - 1 && term.startsWith(w));
      });
    };
  }

  // marked appends text to el with the matching words in <mark>.
  function marked(el, text, isMatch) {
    var pos = 0;
    scan(text).forEach(function (t) {
      if (!isMatch(t.term)) { return; }
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
  function excerpt(text, isMatch) {
    var first = scan(text).find(function (t) { return isMatch(t.term); });
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
    meta.textContent = row.date ? row.label + " · " + row.date : row.label;
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
            return null;
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
    items: items
  };
  if (Array.isArray(queued)) { queued.forEach(receive); }
  if (typeof document !== "undefined") { ui(); }
})(typeof window !== "undefined" ? window : globalThis);
