// The ops screen: polls submission-service's ops endpoints and redraws. Plain DOM, no framework: it must run on any
// office browser and load over a bad link. The token comes from the URL fragment (#token=..., never sent to a server
// or written in access logs) or the form, and stays in this tab's sessionStorage.
(function () {
  'use strict';

  const params = new URLSearchParams(location.hash.slice(1));
  const refreshSeconds = Number(params.get('refresh') || 10);
  if (params.get('token')) {
    sessionStorage.setItem('ltsa-token', params.get('token'));
    history.replaceState(null, '', location.pathname + location.search);
  }

  function token() {
    return sessionStorage.getItem('ltsa-token');
  }

  async function get(path) {
    const response = await fetch(path, { headers: { Authorization: 'Bearer ' + token() } });
    if (response.status === 401 || response.status === 403) {
      throw new Error('token refused (' + response.status + '): an ops or ministry token is needed');
    }
    if (!response.ok) {
      throw new Error(path + ' answered ' + response.status);
    }
    return response.json();
  }

  function age(seconds) {
    if (seconds === null || seconds === undefined) return '–';
    const d = Math.floor(seconds / 86400), h = Math.floor(seconds % 86400 / 3600), m = Math.floor(seconds % 3600 / 60);
    if (d > 0) return d + ' d ' + h + ' h';
    if (h > 0) return h + ' h ' + m + ' min';
    if (m > 0) return m + ' min';
    return Math.floor(seconds) + ' s';
  }

  function cell(row, text, className) {
    const td = document.createElement('td');
    td.textContent = text;
    if (className) td.className = className;
    row.appendChild(td);
  }

  function fill(tableId, items, toCells) {
    const body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren();
    items.forEach(function (item) {
      const row = document.createElement('tr');
      toCells(item).forEach(function (c) { cell(row, c[0], c[1]); });
      body.appendChild(row);
    });
  }

  // What each diagnosis asks people to do first, in the office's language and in English.
  const DIAGNOSES = {
    UPLINK_DOWN: 'Internet kantor mati: periksa sambungan internet kantor dan tagihannya / ' +
      'the office\'s internet is down: check the office connection and its bill',
    CENTRAL_ERRORS: 'Sistem pusat bermasalah (5xx/429) / the central API is failing (5xx/429)',
    CENTRAL_REFUSES: 'Sistem pusat menolak sambungan / the central API refuses connections'
  };

  function showLink(backlog) {
    const link = document.getElementById('link');
    const state = backlog.paused ? 'PAUSED' : backlog.linkState;
    link.dataset.state = state;
    link.className = 'link ' + state.toLowerCase();
    link.textContent = 'Link: ' + state;
    const since = backlog.linkSince ? new Date(backlog.linkSince) : null;
    const line = document.getElementById('linkLine');
    line.dataset.diagnosis = backlog.diagnosis || '';
    line.textContent = 'Central link ' + backlog.linkState +
      (since ? ' since ' + since.toLocaleString() + ' (' + age((Date.now() - since.getTime()) / 1000) + ')' : '') +
      (backlog.diagnosis ? ' — ' + backlog.diagnosis + ': ' + DIAGNOSES[backlog.diagnosis] : '');
    line.className = 'line ' + (backlog.linkState === 'UP' ? 'ok' : 'bad');
  }

  function render(backlog, report, consumers) {
    showLink(backlog);
    document.getElementById('pending').textContent = backlog.pending;
    document.getElementById('delayed').textContent = backlog.delayed;
    document.getElementById('escalated').textContent = backlog.escalated;
    document.getElementById('oldest').textContent = age(backlog.oldestPendingAgeSeconds);
    document.getElementById('deadLetters').textContent = consumers.deadLetters;
    fill('offices', report.offices, function (office) {
      return [[office.officeCode], [office.linkState, 'status ' + office.linkState],
        [office.pending, 'number'], [office.countsByStatus.DELAYED, 'number'],
        [age(office.pending > 0 ? office.oldestPendingAgeSeconds : null), 'number'],
        [office.submittedLast7Days, 'number'], [age(office.medianSecondsToSubmitLast7Days), 'number']];
    });
    fill('consumers', consumers.groups, function (group) {
      return [[group.group], [group.status, 'status ' + group.status], [group.lag, 'number'],
        [age(group.lagSeconds), 'number'], [group.hasMembers ? 'connected' : 'none']];
    });
  }

  // The office modem is notification-service's: asked there (CORS), and its absence is a line, not an error banner.
  async function modem() {
    try {
      const settings = await get('/api/v1/ops/dashboard');
      const base = settings.notificationUrl || (location.protocol + '//' + location.hostname + ':8083');
      return await get(base + '/api/v1/modem/health');
    } catch (e) {
      return { unreachable: e.message };
    }
  }

  function showModem(health) {
    const line = document.getElementById('modemLine');
    let state;
    let text;
    if (health.unreachable) {
      state = 'UNKNOWN';
      text = 'Modem: unknown (notification-service does not answer: ' + health.unreachable + ')';
    } else if (!health.present) {
      state = 'NONE';
      text = 'Modem: none at this office (no LOCAL_SMS: applicants hear nothing while the internet is down)';
    } else {
      state = health.up ? 'UP' : 'GONE';
      text = 'Modem: ' + state + ' — signal ' + (health.signalPercent === null ? '?' : health.signalPercent) +
        ' %, battery ' + (health.batteryPercent === null ? '?' : health.batteryPercent) + ' %, last contact ' +
        (health.lastContactAgeSeconds === null ? 'never' : age(health.lastContactAgeSeconds) + ' ago') +
        (health.network ? ' on ' + health.network : '') + ', ' + health.queued + ' queued, ' + health.sent +
        ' sent, ' + health.received + ' received';
    }
    line.dataset.state = state;
    line.textContent = text;
    line.className = 'line ' + (state === 'UP' ? 'ok' : 'bad');
  }

  function ago(instant) {
    return instant ? age((Date.now() - new Date(instant).getTime()) / 1000) + ' ago' : '–';
  }

  function showProcesses(supervision) {
    const line = document.getElementById('processesLine');
    if (!supervision.supervisedBy) {
      line.textContent = 'Not supervised: nothing restarts a process that dies (see deploy/systemd)';
      line.className = 'line bad';
    } else {
      const restarts = supervision.processes.reduce(function (sum, p) { return sum + p.restarts; }, 0);
      const down = supervision.processes.filter(function (p) { return p.state !== 'RUNNING'; });
      line.textContent = 'Supervised by ' + supervision.supervisedBy + ': ' + restarts + ' restart' +
        (restarts === 1 ? '' : 's') + (down.length ? ', not running: ' + down.map(function (p) {
          return p.name + (p.nextAttemptAt ? ' (next try ' + new Date(p.nextAttemptAt).toLocaleTimeString() + ')' : '');
        }).join(', ') : ', all running');
      line.className = 'line ' + (down.length ? 'bad' : 'ok');
    }
    fill('processes', supervision.processes, function (p) {
      return [[p.name], [p.state, 'status ' + p.state], [p.restarts, 'number'], [ago(p.lastDownAt)],
        [ago(p.lastRestartAt)]];
    });
  }

  // The backlog over time, drawn with uPlot (a small canvas chart library, served from its webjar): the applications
  // pending and the oldest one's age, the worst of each point, with the link-down stretches shaded.
  const charts = {};

  function drawChart(elementId, title, series) {
    const element = document.getElementById(elementId);
    element.dataset.points = series.points.length;
    // every bucket of the span, empty where nothing was sampled (the server was off): a gap, not a line across it
    const step = series.bucketSeconds;
    const range = [Date.parse(series.from) / 1000, Date.parse(series.to) / 1000];
    const byTime = new Map(series.points.map(function (p) { return [Date.parse(p.at) / 1000, p]; }));
    const times = [];
    const pending = [];
    const age = [];
    for (let t = Math.floor(range[0] / step) * step; t <= range[1]; t += step) {
      const p = byTime.get(t);
      times.push(t);
      pending.push(p ? p.pending : null);
      age.push(p ? p.oldestPendingAgeSeconds / 3600 : null);
    }
    const data = [times, pending, age];
    const down = series.points.filter(function (p) { return p.linkDown; }).map(function (p) {
      return Date.parse(p.at) / 1000;
    });
    if (typeof uPlot === 'undefined') {
      element.textContent = title + ': the chart library did not load';
      return;
    }
    if (charts[elementId]) {
      charts[elementId].destroy();
    }
    element.replaceChildren();
    charts[elementId] = new uPlot({
      title: title + (series.points.length ? '' : ' — no samples yet'),
      width: Math.max(320, element.clientWidth - 16),
      height: 220,
      scales: { x: { time: true, range: function () { return range; } }, n: { range: function (u, min, max) {
        return [0, Math.max(5, max * 1.1)];
      } }, h: { range: function (u, min, max) { return [0, Math.max(1, max * 1.1)]; } } },
      series: [{}, { label: 'Pending', scale: 'n', stroke: '#1a73e8', width: 2, fill: 'rgba(26,115,232,0.12)' },
        { label: 'Oldest pending (h)', scale: 'h', stroke: '#d93025', width: 2,
          value: function (u, v) { return v === null ? '–' : v.toFixed(1) + ' h'; } }],
      axes: [{}, { scale: 'n', label: 'applications' }, { scale: 'h', side: 1, label: 'hours', grid: { show: false } }],
      hooks: { drawClear: [function (u) {
        // the link-down stretches, shaded red under the lines
        const width = Math.max(1, u.valToPos(range[0] + step, 'x', true) - u.valToPos(range[0], 'x', true));
        u.ctx.save();
        u.ctx.fillStyle = 'rgba(217,48,37,0.10)';
        down.forEach(function (t) {
          u.ctx.fillRect(u.valToPos(t, 'x', true), u.bbox.top, width, u.bbox.height);
        });
        u.ctx.restore();
      }] }
    }, data, element);
  }

  async function refreshCharts() {
    const [day, fortnight] = await Promise.all([get('/api/v1/ops/backlog/history?range=24h'),
      get('/api/v1/ops/backlog/history?range=14d')]);
    drawChart('chartDay', 'Last 24 hours', day);
    drawChart('chartFortnight', 'Last 14 days', fortnight);
  }

  async function refresh() {
    const problem = document.getElementById('problem');
    try {
      const [backlog, report, consumers, health, supervision] = await Promise.all([
        get('/api/v1/ops/backlog'), get('/api/v1/reports/offices'), get('/api/v1/ops/consumers'), modem(),
        get('/api/v1/ops/processes')]);
      render(backlog, report, consumers);
      showModem(health);
      showProcesses(supervision);
      await refreshCharts();
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
