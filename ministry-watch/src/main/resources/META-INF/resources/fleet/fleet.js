// The ministry's page: every office, the ones that need someone first. Plain DOM, no framework and nothing from a CDN:
// it must load anywhere. The token comes from the URL fragment (#token=..., never sent to a server) or the form.
(function () {
  'use strict';

  const params = new URLSearchParams(location.hash.slice(1));
  const refreshSeconds = Number(params.get('refresh') || 30);
  if (params.get('token')) {
    sessionStorage.setItem('ltsa-token', params.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }

  function token() {
    return sessionStorage.getItem('ltsa-token');
  }

  function age(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    const d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60);
    if (d > 0) return d + ' d ' + h + ' h';
    if (h > 0) return h + ' h ' + m + ' min';
    if (m > 0) return m + ' min';
    return Math.floor(seconds) + ' s';
  }

  const STATE_TEXT = {
    OK: 'OK',
    LINK_DOWN: 'link to centre down',
    SILENT: 'silent',
    NEVER_SEEN: 'never seen'
  };

  function heard(office) {
    if (office.lastSeenAt === null) return 'never';
    const text = age(office.silentForSeconds) + ' ago';
    return office.state === 'SILENT' ? 'silent for ' + age(office.silentForSeconds) : text;
  }

  // Applications per day over the last 14 days as small bars: the office's usual pace beside its silence.
  function trend(days) {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'trend');
    svg.setAttribute('width', '140');
    svg.setAttribute('height', '28');
    const counts = new Map(days.map(function (d) { return [d.day, d.applications]; }));
    const max = Math.max(1, ...days.map(function (d) { return d.applications; }));
    for (let i = 13; i >= 0; i--) {
      const day = new Date(Date.now() - i * 86400000).toISOString().slice(0, 10);
      const n = counts.get(day) || 0;
      const rect = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
      const height = Math.round(26 * n / max);
      rect.setAttribute('x', String((13 - i) * 10));
      rect.setAttribute('y', String(27 - height));
      rect.setAttribute('width', '8');
      rect.setAttribute('height', String(Math.max(height, n > 0 ? 1 : 0)));
      const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
      title.textContent = day + ': ' + n;
      rect.appendChild(title);
      svg.appendChild(rect);
    }
    const total = days.reduce(function (sum, d) { return sum + d.applications; }, 0);
    svg.dataset.total = String(total);
    return svg;
  }

  function cell(row, content, className) {
    const td = document.createElement('td');
    if (typeof content === 'string') td.textContent = content; else td.appendChild(content);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function render(offices) {
    const body = document.querySelector('#offices tbody');
    body.replaceChildren();
    offices.forEach(function (office) {
      const row = document.createElement('tr');
      row.dataset.office = office.officeCode;
      row.dataset.state = office.state;
      if (office.state !== 'OK') row.className = 'attention';
      const name = cell(row, office.officeCode + ' ');
      const small = document.createElement('span');
      small.className = 'name';
      small.textContent = (office.name || '(not in the registry)');
      name.appendChild(small);
      const badge = document.createElement('span');
      badge.className = 'state ' + office.state;
      badge.textContent = STATE_TEXT[office.state];
      cell(row, badge);
      cell(row, heard(office), 'heard');
      cell(row, office.linkState ? office.linkState + (office.linkDiagnosis ? ' (' + office.linkDiagnosis + ')' : '') +
        ' since ' + new Date(office.linkSince).toLocaleString() : '–');
      cell(row, office.pending + ' waiting' + (office.pending > 0 ? ', oldest ' + age(office.oldestPendingAgeSeconds) : ''),
        'backlog');
      cell(row, trend(office.applicationsPerDay));
      body.appendChild(row);
    });
    const attention = offices.filter(function (o) { return o.state !== 'OK'; }).length;
    document.getElementById('summary').textContent = attention + ' of ' + offices.length + ' offices need attention';
  }

  async function refresh() {
    const problem = document.getElementById('problem');
    try {
      const response = await fetch('/api/v1/fleet/offices', { headers: { Authorization: 'Bearer ' + token() } });
      if (!response.ok) throw new Error('/api/v1/fleet/offices answered ' + response.status);
      render((await response.json()).items);
      problem.hidden = true;
      document.getElementById('updated').textContent = 'Diperbarui / updated ' + new Date().toLocaleTimeString();
    } catch (e) {
      problem.hidden = false;
      problem.textContent = 'Data tidak diperbarui / not updated: ' + e.message;
    }
    setTimeout(refresh, refreshSeconds * 1000);
  }

  if (!token()) {
    const form = document.getElementById('login');
    form.hidden = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      sessionStorage.setItem('ltsa-token', document.getElementById('token').value.trim());
      form.hidden = true;
      refresh();
    });
  } else {
    refresh();
  }
}());
