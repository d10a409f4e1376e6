/*
 * KPI dashboard charts. The CSP allows no inline scripts: every chart is a <div data-chart="{json}"> with
 * {keys: [...], series: [{name, type: 'bar'|'line', percent, data: [...]}]}; bars use the left axis (orders),
 * lines the right axis (percent). A [data-print] button prints the page.
 */
(function () {
  'use strict';

  function draw(element) {
    if (!window.echarts) {
      return;
    }
    var spec = JSON.parse(element.getAttribute('data-chart'));
    var hasPercent = spec.series.some(function (s) { return s.percent; });
    var chart = window.echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {top: 0, type: 'scroll'},
      grid: {left: 48, right: hasPercent ? 48 : 16, top: 36, bottom: 32},
      xAxis: {type: 'category', data: spec.keys},
      yAxis: hasPercent
        ? [{type: 'value', minInterval: 1}, {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value} %'}}]
        : [{type: 'value', minInterval: 1}],
      series: spec.series.map(function (s) {
        return {
          name: s.name, type: s.type, data: s.data, yAxisIndex: s.percent ? 1 : 0,
          connectNulls: true, smooth: false, barMaxWidth: 32
        };
      })
    });
    element.setAttribute('data-chart-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function init() {
    document.querySelectorAll('[data-chart]').forEach(draw);
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
