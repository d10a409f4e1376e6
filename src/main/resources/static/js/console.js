/*
 * GridCare console behaviour. Loaded on every page; the Content-Security-Policy allows no inline
 * scripts or event handlers, so everything dynamic is wired here through data- attributes.
 */
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? {header: header.content, token: token.content} : null;
  }

  // htmx requests that change something carry the CSRF token like the forms do.
  document.addEventListener('htmx:configRequest', function (event) {
    var token = csrf();
    if (token && event.detail.verb !== 'get') {
      event.detail.headers[token.header] = token.token;
    }
  });

  // <form data-confirm="Really?">: asks before submitting.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    var question = form.getAttribute('data-confirm');
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // The language switch returns to the page as the address bar shows it (htmx may have pushed a new one).
  document.addEventListener('submit', function (event) {
    var returnTo = event.target.querySelector('input[name="returnTo"][data-current-location]');
    if (returnTo) {
      returnTo.value = window.location.pathname + window.location.search;
    }
  });

  // <button data-copy-target="#id" data-copied-label="Copied">: copies the target's value or text.
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-copy-target]');
    if (!button) {
      return;
    }
    var target = document.querySelector(button.getAttribute('data-copy-target'));
    if (!target) {
      return;
    }
    var text = 'value' in target ? target.value : target.textContent;
    var done = function () {
      var label = button.querySelector('.gc-copy-label');
      if (label && button.getAttribute('data-copied-label')) {
        label.textContent = button.getAttribute('data-copied-label');
      }
      button.classList.remove('btn-outline-secondary');
      button.classList.add('btn-outline-success');
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () {
        fallbackCopy(target, done);
      });
    } else {
      fallbackCopy(target, done);
    }
  });

  function fallbackCopy(target, done) {
    if (typeof target.select === 'function') {
      target.select();
      try {
        if (document.execCommand('copy')) {
          done();
        }
      } catch (ignored) {
        // the text stays selected for the user to copy by hand
      }
    }
  }

  // <input data-select-on-focus>: selects the whole value, e.g. a token secret.
  document.addEventListener('focusin', function (event) {
    if (event.target.hasAttribute && event.target.hasAttribute('data-select-on-focus')) {
      event.target.select();
    }
  });
})();
