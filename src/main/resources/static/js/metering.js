/*
 * Consumption charts of the metering analysis page (ECharts). The data and the labels come from
 * data- attributes rendered by the server; the Content-Security-Policy allows no inline script.
 */
(function () {
  'use strict';

  function number(value) {
    return value === null || value === undefined ? null : Number(value);
  }

  function bar(element, labels, values, name) {
    echarts.init(element).setOption({
      tooltip: {trigger: 'axis'},
      grid: {left: 50, right: 16, top: 24, bottom: 40},
      xAxis: {type: 'category', data: labels},
      yAxis: {type: 'value', name: 'kWh'},
      dataZoom: labels.length > 60 ? [{type: 'inside'}, {type: 'slider', height: 16, bottom: 4}] : [],
      series: [{type: 'bar', name: name, data: values}]
    });
  }

  function draw(root) {
    var data = JSON.parse(root.getAttribute('data-chart-data'));
    var label = function (key) { return root.getAttribute('data-label-' + key) || key; };
    var charts = [];
    root.querySelectorAll('.gc-chart').forEach(function (element) {
      var kind = element.getAttribute('data-chart');
      if (kind === 'daily' || kind === 'monthly') {
        var points = data[kind] || [];
        bar(element, points.map(function (p) { return p.period; }),
            points.map(function (p) { return number(p.kwh); }), label('kwh'));
      } else if (kind === 'profile' && data.profile && data.profile.all) {
        var hours = Array.from({length: 24}, function (_, h) { return h + ':00'; });
        echarts.init(element).setOption({
          tooltip: {trigger: 'axis'},
          legend: {top: 0},
          grid: {left: 50, right: 16, top: 32, bottom: 30},
          xAxis: {type: 'category', data: hours, name: label('hour')},
          yAxis: {type: 'value', name: 'kWh'},
          series: [
            {type: 'line', smooth: true, name: label('all'), data: data.profile.all.map(number)},
            {type: 'line', smooth: true, name: label('weekday'), data: data.profile.weekday.map(number)},
            {type: 'line', smooth: true, name: label('weekend'), data: data.profile.weekend.map(number)}
          ]
        });
      } else if (kind === 'tou' && data.tou && data.tou.kwh) {
        echarts.init(element).setOption({
          tooltip: {trigger: 'item', formatter: '{b}: {c}%'},
          series: [{type: 'pie', radius: ['40%', '70%'], data: [
            {name: label('critical-peak'), value: number(data.tou.criticalPeak)},
            {name: label('peak'), value: number(data.tou.peak)},
            {name: label('flat'), value: number(data.tou.flat)},
            {name: label('valley'), value: number(data.tou.valley)}
          ].filter(function (d) { return d.value; })}]
        });
      } else if (kind === 'peers' && data.peers && data.peers.averageDailyKwh !== undefined) {
        echarts.init(element).setOption({
          tooltip: {trigger: 'axis'},
          grid: {left: 50, right: 16, top: 24, bottom: 30},
          xAxis: {type: 'category', data: [label('mine'), label('median')]},
          yAxis: {type: 'value', name: label('daily-average')},
          series: [{type: 'bar', barWidth: '40%', data: [
            {value: number(data.peers.averageDailyKwh), itemStyle: {color: '#d9534f'}},
            {value: number(data.peers.medianDailyKwh), itemStyle: {color: '#5b8ff9'}}
          ]}]
        });
      } else {
        return;
      }
      charts.push(element);
    });
    window.addEventListener('resize', function () {
      charts.forEach(function (element) {
        var chart = echarts.getInstanceByDom(element);
        if (chart) {
          chart.resize();
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('gc-analysis-charts');
    if (root && window.echarts) {
      draw(root);
    }
  });
})();
