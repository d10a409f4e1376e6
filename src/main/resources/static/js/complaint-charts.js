/*
 * Complaint hotspot charts. The CSP allows no inline scripts: the heat map is a <div data-heatmap="{json}"> with
 * {units: [...], categories: [...], data: [[x, y, value]], max, label}; the trend a <div data-trend="{json}"> with
 * {keys: [...], series: [{name, data: [...]}]}.
 */
(function () {
  'use strict';

  function heatmap(element) {
    var spec = JSON.parse(element.getAttribute('data-heatmap'));
    var chart = window.echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({
      animation: false,
      tooltip: {
        position: 'top',
        formatter: function (p) {
          return spec.units[p.value[1]] + ' · ' + spec.categories[p.value[0]] + '<br>' + spec.label + ': ' + p.value[2];
        }
      },
      grid: {left: 120, right: 24, top: 16, bottom: 72},
      xAxis: {type: 'category', data: spec.categories, splitArea: {show: true}, axisLabel: {interval: 0, rotate: 20}},
      yAxis: {type: 'category', data: spec.units, splitArea: {show: true}},
      visualMap: {min: 0, max: Math.max(spec.max, 1), calculable: true, orient: 'horizontal', left: 'center',
        bottom: 0, inRange: {color: ['#f7fbff', '#fdd49e', '#fc8d59', '#d7301f']}},
      series: [{name: spec.label, type: 'heatmap', data: spec.data, label: {show: true},
        emphasis: {itemStyle: {shadowBlur: 6, shadowColor: 'rgba(0, 0, 0, 0.3)'}}}]
    });
    element.setAttribute('data-chart-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function trend(element) {
    var spec = JSON.parse(element.getAttribute('data-trend'));
    var chart = window.echarts.init(element, null, {renderer: 'canvas'});
    chart.setOption({
      animation: false,
      tooltip: {trigger: 'axis'},
      legend: {top: 0},
      grid: {left: 48, right: 16, top: 36, bottom: 32},
      xAxis: {type: 'category', data: spec.keys},
      yAxis: {type: 'value', minInterval: 1},
      series: spec.series.map(function (s) { return {name: s.name, type: 'line', data: s.data}; })
    });
    element.setAttribute('data-chart-ready', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function init() {
    if (!window.echarts) {
      return;
    }
    document.querySelectorAll('[data-heatmap]').forEach(heatmap);
    document.querySelectorAll('[data-trend]').forEach(trend);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
