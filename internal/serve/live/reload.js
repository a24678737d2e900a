// Live preview: served and added to pages by `go run ./cmd/build -serve`
// only, never part of the built site. It reloads the page after a
// successful rebuild and, while the latest build has failed, shows its
// problems in a panel over the last good page.
(function () {
  'use strict';
  var panel = null;

  function css(el, props) {
    // Properties set one by one through the CSSOM: the pages' Content
    // Security Policy forbids inline style attributes.
    Object.keys(props).forEach(function (k) { el.style.setProperty(k, props[k]); });
  }

  function hide() {
    if (panel) { panel.remove(); panel = null; }
  }

  function show(status) {
    hide();
    panel = document.createElement('div');
    panel.id = 'live-preview-problems';
    panel.setAttribute('role', 'alert');
    css(panel, {
      position: 'fixed', left: '0', right: '0', bottom: '0', 'z-index': '2147483647',
      'max-height': '50vh', overflow: 'auto', margin: '0', padding: '1em 1.25em',
      background: '#fff4f4', color: '#5c0000', 'border-top': '3px solid #c00',
      font: '14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      'box-shadow': '0 -4px 16px rgba(0,0,0,.2)'
    });
    var title = document.createElement('strong');
    title.textContent = 'Build failed: still showing the last good build. Fix these problems and save:';
    panel.appendChild(title);
    var list = document.createElement('pre');
    css(list, { margin: '.75em 0 0', 'white-space': 'pre-wrap', font: 'inherit' });
    list.textContent = status.problems.map(function (p) {
      return (p.pos ? p.pos + ': ' : '') + (p.severity === 'warning' ? 'warning: ' : '') + p.message;
    }).join('\n');
    panel.appendChild(list);
    document.body.appendChild(panel);
  }

  function check() {
    fetch('/__live/status', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (status) { if (status.ok) { hide(); } else { show(status); } })
      .catch(function () { /* the server is restarting; the stream reconnects */ });
  }

  var events = new EventSource('/__live/events');
  events.addEventListener('open', check);
  events.addEventListener('status', check);
  events.addEventListener('reload', function () { location.reload(); });
})();
