(function () {
  'use strict';

  // The page is opened as .../dashboard?code=KEY: every report is read from the same app with the same key.
  var key = new URLSearchParams(window.location.search).get('code');
  var SVG = 'http://www.w3.org/2000/svg';
  var VERDICTS = {
    better: 'Better',
    worse: 'Worse',
    no_meaningful_difference: 'No meaningful difference',
    not_enough_data: 'Not enough data yet'
  };

  function reportUrl(path) {
    var url = new URL(path, window.location.href);
    if (key) {
      url.searchParams.set('code', key);
    }
    return url.toString();
  }

  function load(path) {
    return fetch(reportUrl(path), { headers: { Accept: 'application/json' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) {
        if (response.status === 404) {
          return response.json().catch(function () { return {}; }).then(function (problem) {
            return { missing: true, detail: problem.detail || '' };
          });
        }
        if (!response.ok) {
          throw new Error(path + ' answered ' + response.status);
        }
        return response.json().then(function (report) { return { report: report }; });
      });
  }

  function html(tag, attributes, children) {
    var element = document.createElement(tag);
    setAll(element, attributes);
    append(element, children);
    return element;
  }

  function svg(tag, attributes, children) {
    var element = document.createElementNS(SVG, tag);
    setAll(element, attributes);
    append(element, children);
    return element;
  }

  function setAll(element, attributes) {
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value !== null && value !== undefined) {
        element.setAttribute(name, String(value));
      }
    });
  }

  function append(element, children) {
    [].concat(children === undefined ? [] : children).forEach(function (child) {
      if (child === null || child === undefined) {
        return;
      }
      element.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    });
  }

  function count(value) {
    return value === null || value === undefined ? '–' : Number(value).toLocaleString('en');
  }

  function percent(value) {
    return value === null || value === undefined ? '–' : (Math.round(value * 1000) / 10).toLocaleString('en') + ' %';
  }

  function points(value) {
    var rounded = Math.round(value * 1000) / 10;
    return (rounded > 0 ? '+' : rounded < 0 ? '−' : '') + Math.abs(rounded).toLocaleString('en') + ' pp';
  }

  function money(value, currency) {
    if (value === null || value === undefined) {
      return '–';
    }
    var text = Number(value).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    return currency ? text + ' ' + currency : text;
  }

  function signedMoney(value, currency) {
    return (value > 0 ? '+' : value < 0 ? '−' : '') + money(Math.abs(value), currency);
  }

  function facts(entries) {
    return html('dl', { 'class': 'facts' }, entries.map(function (entry) {
      return html('div', null, [html('dt', null, entry[0]), html('dd', { 'data-testid': entry[1], 'data-value': entry[3] }, entry[2])]);
    }));
  }

  function table(caption, headers, rows) {
    return html('table', null, [
      html('caption', null, caption),
      html('thead', null, html('tr', null, headers.map(function (header) { return html('th', { scope: 'col' }, header); }))),
      html('tbody', null, rows.map(function (row) {
        return html('tr', null, row.map(function (cell, index) { return html(index === 0 ? 'th' : 'td', index === 0 ? { scope: 'row' } : null, cell); }));
      }))
    ]);
  }

  function asTable(caption, headers, rows) {
    return html('details', null, [html('summary', null, 'As a table'), table(caption, headers, rows)]);
  }

  // A blue from pale (0) to deep (1); white text on the darker half.
  function shade(share) {
    var t = Math.max(0, Math.min(1, share));
    var from = [239, 246, 255];
    var to = [29, 78, 216];
    return 'rgb(' + from.map(function (c, i) { return Math.round(c + ((to[i] - c) * t)); }).join(',') + ')';
  }

  // Horizontal bars: one row per item, the value at the bar's end.
  function bars(label, items, max, testid) {
    var rowHeight = 24;
    var labelWidth = 170;
    var barWidth = 300;
    var chart = svg('svg', { viewBox: '0 0 ' + (labelWidth + barWidth + 120) + ' ' + (items.length * rowHeight + 4), width: labelWidth + barWidth + 120, role: 'img', 'aria-label': label });
    items.forEach(function (item, index) {
      var y = index * rowHeight + 2;
      var width = max > 0 ? Math.max(item.value > 0 ? 2 : 0, (item.value / max) * barWidth) : 0;
      var attributes = { 'data-testid': testid, 'data-value': item.value };
      Object.keys(item.data || {}).forEach(function (name) { attributes['data-' + name] = item.data[name]; });
      chart.appendChild(svg('g', attributes, [
        svg('title', null, item.label + ': ' + item.text),
        svg('text', { x: labelWidth - 8, y: y + 15, 'text-anchor': 'end' }, item.label),
        svg('rect', { 'class': 'bar' + (item.control ? ' control' : ''), x: labelWidth, y: y + 3, width: width, height: rowHeight - 8, rx: 2 }),
        svg('text', { 'class': 'bar-value', x: labelWidth + width + 6, y: y + 15 }, item.text)
      ]));
    });
    return chart;
  }

  // A difference with its interval, on an axis through zero.
  function interval(comparison, format, attributes) {
    var width = 600;
    var left = 130;
    var right = width - 70;
    var low = comparison.low;
    var high = comparison.high;
    var reach = Math.max(Math.abs(comparison.difference), Math.abs(low === null ? 0 : low), Math.abs(high === null ? 0 : high), comparison.minimumEffect || 0) * 1.15 || 1;
    var x = function (value) { return left + ((value + reach) / (2 * reach)) * (right - left); };
    var verdict = comparison.verdict;
    var chart = svg('svg', { viewBox: '0 0 ' + width + ' 58', width: width, role: 'img', 'aria-label': comparison.label + ': ' + format(comparison.difference) + (low === null ? '' : ', interval ' + format(low) + ' to ' + format(high)) });
    var group = svg('g', attributes);
    group.appendChild(svg('line', { 'class': 'axis', x1: left, y1: 30, x2: right, y2: 30 }));
    group.appendChild(svg('line', { 'class': 'zero', x1: x(0), y1: 8, x2: x(0), y2: 44 }));
    group.appendChild(svg('text', { 'class': 'muted', x: x(0), y: 56, 'text-anchor': 'middle' }, '0'));
    if (low !== null && high !== null) {
      group.appendChild(svg('line', { 'class': 'range ' + verdict, x1: x(low), y1: 30, x2: x(high), y2: 30 }));
      group.appendChild(svg('text', { 'data-testid': 'interval-low', 'data-value': low, x: x(low), y: 20, 'text-anchor': 'end' }, format(low)));
      group.appendChild(svg('text', { 'data-testid': 'interval-high', 'data-value': high, x: x(high), y: 20, 'text-anchor': 'start' }, format(high)));
    }
    group.appendChild(svg('circle', { 'class': 'point', cx: x(comparison.difference), cy: 30, r: 4 }));
    group.appendChild(svg('text', { 'data-testid': 'difference', 'data-value': comparison.difference, x: x(comparison.difference), y: 48, 'text-anchor': 'middle' }, format(comparison.difference)));
    group.appendChild(svg('text', { 'class': 'muted', x: 4, y: 34 }, comparison.label));
    chart.appendChild(group);
    return chart;
  }

  function verdictText(comparison, treatment, baseline) {
    var text = VERDICTS[comparison.verdict] || comparison.verdict;
    var needed = comparison.sample_still_needed;
    var attributes = { 'class': 'verdict ' + comparison.verdict, 'data-testid': 'verdict', 'data-verdict': comparison.verdict };
    if (comparison.verdict === 'not_enough_data') {
      if (needed) {
        var total = needed.treatment + needed.baseline;
        attributes['data-needed'] = total;
        text += ' — ' + count(total) + ' more needed (' + count(needed.treatment) + ' ' + treatment + ', ' + count(needed.baseline) + ' ' + baseline + ')';
      } else {
        text += ' — no amount has varied yet, so no size can be given';
      }
    }
    return html('p', attributes, text);
  }

  function missing(section, result, timer) {
    section.querySelector('.body').replaceChildren(html('div', { 'class': 'missing', 'data-testid': 'not-computed' }, [
      html('p', null, html('strong', null, 'Not computed yet.')),
      html('p', null, result.detail || 'The ' + timer + ' timer computes it.')
    ]));
    section.setAttribute('data-state', 'missing');
  }

  function failed(section, error) {
    section.querySelector('.body').replaceChildren(html('p', { 'class': 'error', role: 'alert' }, 'Could not load: ' + error.message));
    section.setAttribute('data-state', 'error');
  }

  // Cohort retention: a heatmap of cohorts by periods since the first purchase, weekly or monthly.
  function retention(section, report) {
    var grain = 'monthly';
    var body = section.querySelector('.body');
    var buttons = section.querySelectorAll('.toggle button');
    var draw = function () {
      var cohorts = report[grain].cohorts;
      var summary = report.summary;
      var content = [facts([
        ['Customers', 'retention-customers', count(summary.customers), summary.customers],
        ['Orders', 'retention-orders', count(summary.orders), summary.orders],
        ['Net revenue', 'retention-revenue', money(summary.net_revenue, report.currency), summary.net_revenue],
        ['Repeat purchase rate', 'retention-repeat-rate', percent(summary.repeat_purchase_rate), summary.repeat_purchase_rate]
      ])];
      if (cohorts.length === 0) {
        content.push(html('p', { 'class': 'missing' }, 'No cohort yet: no customer has bought.'));
      } else {
        content.push(heatmap(cohorts, grain), asTable(
          (grain === 'weekly' ? 'Weekly' : 'Monthly') + ' cohorts: share of customers buying again',
          ['Cohort', 'Customers'].concat(periodsOf(cohorts).map(function (i) { return 'Period ' + i; })),
          cohorts.map(function (cohort) {
            return [cohort.label, count(cohort.customers)].concat(periodsOf(cohorts).map(function (i) { return cohort.periods[i] ? percent(cohort.periods[i].retention) : ''; }));
          })));
      }
      body.replaceChildren.apply(body, content);
      section.setAttribute('data-grain', grain);
    };
    buttons.forEach(function (button) {
      button.addEventListener('click', function () {
        grain = button.getAttribute('data-grain');
        buttons.forEach(function (other) { other.setAttribute('aria-pressed', String(other === button)); });
        draw();
      });
    });
    draw();
  }

  function periodsOf(cohorts) {
    var longest = cohorts.reduce(function (max, cohort) { return Math.max(max, cohort.periods.length); }, 0);
    return Array.from({ length: longest }, function (_, i) { return i; });
  }

  function heatmap(cohorts, grain) {
    var cell = { width: 54, height: 26 };
    var left = 190;
    var top = 22;
    var periods = periodsOf(cohorts);
    var chart = svg('svg', { viewBox: '0 0 ' + (left + periods.length * cell.width + 4) + ' ' + (top + cohorts.length * cell.height + 4), width: left + periods.length * cell.width + 4, role: 'img', 'aria-label': (grain === 'weekly' ? 'Weekly' : 'Monthly') + ' cohort retention heatmap', 'data-testid': 'retention-heatmap' });
    chart.appendChild(svg('text', { 'class': 'muted', x: left - 8, y: 14, 'text-anchor': 'end' }, (grain === 'weekly' ? 'weeks' : 'months') + ' since first purchase →'));
    periods.forEach(function (i) {
      chart.appendChild(svg('text', { 'class': 'muted', x: left + i * cell.width + cell.width / 2, y: 14, 'text-anchor': 'middle' }, String(i)));
    });
    cohorts.forEach(function (cohort, row) {
      var y = top + row * cell.height;
      chart.appendChild(svg('text', { x: left - 8, y: y + 17, 'text-anchor': 'end' }, cohort.label + ' (' + count(cohort.customers) + ')'));
      cohort.periods.forEach(function (period) {
        var x = left + period.index * cell.width;
        chart.appendChild(svg('g', { 'data-testid': 'retention-cell', 'data-cohort': cohort.label, 'data-customers': cohort.customers, 'data-period': period.index, 'data-value': period.retention, 'data-active': period.active_customers, 'data-complete': period.complete }, [
          svg('title', null, cohort.label + ', period ' + period.index + ': ' + count(period.active_customers) + ' of ' + count(cohort.customers) + ' bought (' + percent(period.retention) + ')' + (period.complete ? '' : ', period not over yet')),
          svg('rect', { 'class': period.complete ? null : 'incomplete', x: x + 1, y: y + 1, width: cell.width - 2, height: cell.height - 2, fill: shade(period.retention) }),
          svg('text', { 'class': period.retention > 0.5 ? 'light' : null, x: x + cell.width / 2, y: y + 17, 'text-anchor': 'middle' }, percent(period.retention))
        ]));
      });
    });
    return chart;
  }

  // Journey funnels, per journey, version, step and variant, and each split's uplift.
  var FUNNEL = [
    ['entered', 'Entered'], ['recipients', 'Recipients'], ['sent', 'Sent'], ['delivered', 'Delivered'],
    ['human_opened', 'Opened'], ['clicked', 'Clicked'], ['converted_recipients', 'Converted']
  ];

  function funnel(label, metrics, data) {
    var items = FUNNEL.filter(function (stage) { return metrics[stage[0]] !== undefined && metrics[stage[0]] !== null; }).map(function (stage) {
      var item = { label: stage[1], value: metrics[stage[0]], text: count(metrics[stage[0]]), data: { stage: stage[0] } };
      Object.keys(data).forEach(function (name) { item.data[name] = data[name]; });
      return item;
    });
    var max = items.reduce(function (m, item) { return Math.max(m, item.value); }, 0);
    return bars(label, items, max, 'funnel-bar');
  }

  function funnelRow(name, metrics, currency) {
    return [name, count(metrics.entered), count(metrics.sent), count(metrics.delivered), count(metrics.human_opened), count(metrics.clicked), count(metrics.conversions), percent(metrics.conversion_rate), money(metrics.revenue, currency)];
  }

  var FUNNEL_HEADERS = ['', 'Entered', 'Sent', 'Delivered', 'Opened', 'Clicked', 'Conversions', 'Conversion rate', 'Revenue'];

  function journeys(section, report) {
    var body = section.querySelector('.body');
    var content = [facts([
      ['Journeys', 'journeys-count', count(report.journeys.length), report.journeys.length],
      ['Messages sent', 'journeys-sent', count(report.totals.sent), report.totals.sent],
      ['Attributed revenue', 'journeys-revenue', money(report.totals.revenue, report.currency), report.totals.revenue]
    ])];
    if (report.journeys.length === 0) {
      content.push(html('p', { 'class': 'missing' }, 'No journey has sent anything yet.'));
    }
    report.journeys.forEach(function (journey) {
      var part = html('div', { 'data-testid': 'journey', 'data-journey': journey.journey_id }, html('h3', null, 'Journey ' + journey.journey_id));
      journey.versions.forEach(function (version) {
        var data = { journey: journey.journey_id, version: version.version };
        part.appendChild(html('h4', null, 'Version ' + version.version));
        part.appendChild(funnel('Funnel of ' + journey.journey_id + ' version ' + version.version, version.funnel, data));
        version.steps.forEach(function (step) {
          part.appendChild(html('h5', null, 'Step ' + step.node_id + ' (' + step.channel + ')'));
          part.appendChild(funnel('Funnel of step ' + step.node_id, step.funnel, { journey: journey.journey_id, version: version.version, step: step.node_id }));
        });
        if (version.steps.length > 0) {
          part.appendChild(table('Steps', ['Step'].concat(FUNNEL_HEADERS.slice(1)), version.steps.reduce(function (rows, step) {
            rows.push(funnelRow(step.node_id + ' (' + step.channel + ')', step.funnel, report.currency));
            step.variants.forEach(function (variant) { rows.push(funnelRow('  ' + step.node_id + ' · ' + variant.variant, variant.funnel, report.currency)); });
            return rows;
          }, [])));
        }
        if (version.variants.length > 0) {
          part.appendChild(table('Variants', ['Variant'].concat(FUNNEL_HEADERS.slice(1)), version.variants.map(function (variant) { return funnelRow(variant.variant, variant.funnel, report.currency); })));
        }
        version.splits.forEach(function (split) { part.appendChild(splitExperiment(journey, version, split, report.currency)); });
      });
      content.push(part);
    });
    body.replaceChildren.apply(body, content);
  }

  function splitExperiment(journey, version, split, currency) {
    var part = html('div', { 'data-testid': 'split', 'data-split': split.split_node_id }, [
      html('h5', null, 'Split ' + split.split_node_id + (split.pending_assignments > 0 ? ' (' + count(split.pending_assignments) + ' still in their observation window)' : '')),
      table('Groups of split ' + split.split_node_id, ['Group', 'Contacts', 'Converted', 'Conversion rate', 'Revenue', 'Revenue per contact'], split.groups.map(function (group) {
        return [group.variant, count(group.contacts), count(group.converted), percent(group.conversion_rate), money(group.revenue, currency), money(group.revenue_per_contact, currency)];
      }))
    ]);
    split.comparisons.forEach(function (comparison) {
      var treatment = comparison.variant === '*' ? 'all variants' : comparison.variant;
      var data = { 'data-journey': journey.journey_id, 'data-version': version.version, 'data-split': split.split_node_id, 'data-variant': comparison.variant, 'data-baseline': comparison.baseline };
      var conversion = comparison.conversion;
      var revenue = comparison.revenue_per_contact;
      part.appendChild(html('h5', null, treatment + ' against ' + comparison.baseline));
      part.appendChild(interval({ label: 'Conversion', difference: conversion.difference, low: conversion.interval.low, high: conversion.interval.high, verdict: conversion.verdict, minimumEffect: conversion.minimum_effect }, points, withTestId(data, 'uplift-interval', 'conversion')));
      part.appendChild(verdictText(conversion, treatment, comparison.baseline));
      var format = function (value) { return signedMoney(value, currency); };
      part.appendChild(interval({ label: 'Revenue/contact', difference: revenue.difference, low: revenue.interval ? revenue.interval.low : null, high: revenue.interval ? revenue.interval.high : null, verdict: revenue.verdict, minimumEffect: revenue.minimum_effect }, format, withTestId(data, 'uplift-interval', 'revenue_per_contact')));
      part.appendChild(verdictText(revenue, treatment, comparison.baseline));
    });
    return part;
  }

  function withTestId(data, testid, metric) {
    var attributes = { 'data-testid': testid, 'data-metric': metric };
    Object.keys(data).forEach(function (name) { attributes[name] = data[name]; });
    return attributes;
  }

  // Lifecycle stages, the R×F grid and the RFM segments.
  function lifecycle(section, report) {
    var body = section.querySelector('.body');
    var stages = report.stages.map(function (stage) { return { label: label(stage.stage), value: stage.contacts, text: count(stage.contacts), data: { stage: stage.stage } }; });
    var segments = report.segments.map(function (segment) { return { label: label(segment.segment), value: segment.contacts, text: count(segment.contacts) + ' · ' + money(segment.net_revenue, null), data: { segment: segment.segment, revenue: segment.net_revenue } }; });
    var max = function (items) { return items.reduce(function (m, item) { return Math.max(m, item.value); }, 0); };
    body.replaceChildren(
      facts([
        ['Contacts scored', 'lifecycle-contacts', count(report.contacts), report.contacts],
        ['Purchase cycle', 'lifecycle-cycle', Math.round(report.purchase_cycle_days) + ' days', report.purchase_cycle_days],
        ['Dormant after', 'lifecycle-dormant', Math.round(report.dormant_after_days) + ' days', report.dormant_after_days],
        ['Churned after', 'lifecycle-churned', Math.round(report.churned_after_days) + ' days', report.churned_after_days]
      ]),
      html('h3', null, 'Lifecycle stages'),
      bars('Contacts per lifecycle stage', stages, max(stages), 'stage-bar'),
      html('div', { 'class': 'grid-pair' }, [
        html('div', null, [html('h3', null, 'Recency × frequency'), rfmGrid(report.recency_frequency)]),
        html('div', null, [html('h3', null, 'RFM segments'), bars('Contacts and net revenue per RFM segment', segments, max(segments), 'segment-bar')])
      ]),
      asTable('Buyers per recency (rows) and frequency (columns) score', ['R \\ F', '1', '2', '3', '4', '5'], [5, 4, 3, 2, 1].map(function (r) {
        return ['R ' + r].concat([1, 2, 3, 4, 5].map(function (f) { return count(cellOf(report.recency_frequency, r, f)); }));
      })));
  }

  function cellOf(cells, r, f) {
    var found = cells.filter(function (cell) { return cell.recency === r && cell.frequency === f; })[0];
    return found ? found.contacts : 0;
  }

  function rfmGrid(cells) {
    var size = 44;
    var left = 40;
    var top = 8;
    var max = cells.reduce(function (m, cell) { return Math.max(m, cell.contacts); }, 0);
    var chart = svg('svg', { viewBox: '0 0 ' + (left + 5 * size + 4) + ' ' + (top + 5 * size + 36), width: left + 5 * size + 4, role: 'img', 'aria-label': 'Buyers per recency and frequency score', 'data-testid': 'rfm-grid' });
    [5, 4, 3, 2, 1].forEach(function (r, row) {
      chart.appendChild(svg('text', { 'class': 'muted', x: left - 6, y: top + row * size + size / 2 + 4, 'text-anchor': 'end' }, 'R' + r));
      [1, 2, 3, 4, 5].forEach(function (f) {
        var value = cellOf(cells, r, f);
        var share = max > 0 ? value / max : 0;
        var x = left + (f - 1) * size;
        var y = top + row * size;
        chart.appendChild(svg('g', { 'data-testid': 'rfm-cell', 'data-r': r, 'data-f': f, 'data-value': value }, [
          svg('title', null, 'R ' + r + ', F ' + f + ': ' + count(value) + ' buyers'),
          svg('rect', { x: x + 1, y: y + 1, width: size - 2, height: size - 2, fill: shade(share) }),
          svg('text', { 'class': share > 0.5 ? 'light' : null, x: x + size / 2, y: y + size / 2 + 4, 'text-anchor': 'middle' }, count(value))
        ]));
      });
    });
    [1, 2, 3, 4, 5].forEach(function (f) {
      chart.appendChild(svg('text', { 'class': 'muted', x: left + (f - 1) * size + size / 2, y: top + 5 * size + 16, 'text-anchor': 'middle' }, 'F' + f));
    });
    return chart;
  }

  function label(name) {
    var text = name.replace(/_/g, ' ');
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  // The send-time experiment: optimised against fixed-time control sends, per rate, with the difference's interval.
  function sendTime(section, report) {
    var body = section.querySelector('.body');
    var experiment = report.send_time;
    if (!experiment) {
      body.replaceChildren(html('p', { 'class': 'missing', 'data-testid': 'send-time-empty' }, 'No send was in the experiment yet.'));
      return;
    }
    var content = [facts([
      ['Optimised sends', 'send-time-optimized', count(experiment.optimized_sends), experiment.optimized_sends],
      ['Control sends', 'send-time-control', count(experiment.control_sends), experiment.control_sends],
      ['Still in their window', 'send-time-pending', count(experiment.pending_sends), experiment.pending_sends]
    ])];
    [['open_rate', 'Open rate'], ['click_rate', 'Click rate'], ['conversion_rate', 'Conversion rate']].forEach(function (rate) {
      var comparison = experiment[rate[0]];
      if (!comparison) {
        return;
      }
      content.push(html('h3', null, rate[1]));
      content.push(bars(rate[1] + ': optimised against control', [
        { label: 'Optimised', value: comparison.treatment.rate, text: percent(comparison.treatment.rate) + ' (' + count(comparison.treatment.successes) + ' of ' + count(comparison.treatment.trials) + ')', data: { metric: rate[0], side: 'optimized' } },
        { label: 'Control', value: comparison.baseline.rate, text: percent(comparison.baseline.rate) + ' (' + count(comparison.baseline.successes) + ' of ' + count(comparison.baseline.trials) + ')', data: { metric: rate[0], side: 'control' }, control: true }
      ], Math.max(comparison.treatment.rate, comparison.baseline.rate), 'send-time-rate'));
      content.push(interval({ label: 'Difference', difference: comparison.difference, low: comparison.interval.low, high: comparison.interval.high, verdict: comparison.verdict, minimumEffect: comparison.minimum_effect }, points, { 'data-testid': 'send-time-interval', 'data-metric': rate[0] }));
      content.push(verdictText(comparison, 'optimised', 'control'));
    });
    body.replaceChildren.apply(body, content);
  }

  function show(id, loaded, timer, draw) {
    var section = document.getElementById(id);
    return loaded.then(function (result) {
      if (result.missing) {
        missing(section, result, timer);
        return 'missing';
      }
      draw(section, result.report);
      section.setAttribute('data-state', 'ready');
      return 'ready';
    }, function (error) {
      failed(section, error);
      return 'error';
    });
  }

  var status = document.getElementById('status');
  var campaigns = load('reports/journeys');
  Promise.all([
    show('retention', load('reports/retention'), 'ComputeRetention', retention),
    show('journeys', campaigns, 'ComputeCampaignMetrics', journeys),
    show('lifecycle', load('reports/lifecycle'), 'ScoreContacts', lifecycle),
    show('send-time', campaigns, 'ComputeCampaignMetrics', sendTime)
  ]).then(function (states) {
    var ready = states.filter(function (state) { return state === 'ready'; }).length;
    status.textContent = ready === states.length ? 'All reports loaded.' : ready + ' of ' + states.length + ' reports loaded; the others are not computed yet or failed.';
    document.body.setAttribute('data-loaded', 'true');
  });
}());
