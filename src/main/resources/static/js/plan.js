/*
 * Charts of the savings advice (ECharts): for every option, each month's bill on the current setup against the
 * option's. The data and labels come from data- attributes; the Content-Security-Policy allows no inline script.
 */
(function () {
  'use strict';

  function draw() {
    var root = document.getElementById('gc-advice-charts');
    if (!root || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(root.getAttribute('data-chart-data') || '[]');
    var current = root.getAttribute('data-label-current') || 'current';
    var proposed = root.getAttribute('data-label-proposed') || 'proposed';
    var charts = [];
    document.querySelectorAll('.gc-chart[data-option]').forEach(function (element) {
      var key = element.getAttribute('data-option');
      var option = data.find(function (o) { return o.key === key; });
      if (!option) {
        return;
      }
      var chart = echarts.init(element);
      chart.setOption({
        tooltip: {trigger: 'axis'},
        legend: {top: 0},
        grid: {left: 60, right: 16, top: 32, bottom: 30},
        xAxis: {type: 'category', data: option.months},
        yAxis: {type: 'value', name: '元'},
        series: [{type: 'bar', name: current, data: option.current},
                 {type: 'bar', name: proposed, data: option.proposed}]
      });
      charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
