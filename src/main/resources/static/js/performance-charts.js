/*
 * Performance trend chart. The CSP allows no inline scripts: the chart is a <div data-perf-trend="{json}"> with
 * {keys: [months], series: [{name, data: [points or '-']}]}; the first series (the total) is drawn bold.
 */
(function () {
  'use strict';

  function trend(element) {
    var spec = JSON.parse(element.getAttribute('data-perf-trend'));
    var chart = window.echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {top: 0, type: 'scroll'},
      grid: {left: 40, right: 16, top: 40, bottom: 28},
      xAxis: {type: 'category', data: spec.keys},
      yAxis: {type: 'value', min: 0, max: 100},
      series: spec.series.map(function (s, i) {
        return {name: s.name, type: 'line', data: s.data, connectNulls: false,
          lineStyle: {width: i === 0 ? 3 : 1}, symbolSize: i === 0 ? 7 : 4};
      })
    });
    element.setAttribute('data-chart-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function init() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('[data-perf-trend]').forEach(trend);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
