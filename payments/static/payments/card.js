/* Card payment: Stripe.js collects the card and gives us a payment method id. */
(function () {
  var form = document.getElementById("card-form");
  if (!form || typeof Stripe === "undefined") { return; }
  var stripe = Stripe(form.dataset.publishableKey);
  var card = stripe.elements().create("card");
  card.mount("#card-element");
  var message = document.getElementById("card-message");
  var button = form.querySelector("button[type=submit]");

  function send(body) {
    return fetch(form.action, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": form.dataset.csrf},
      body: JSON.stringify(body)
    }).then(function (response) { return response.json(); });
  }
  function show(text) { message.textContent = text; message.hidden = false; button.disabled = false; }
  function settle(answer) {
    if (answer.redirect) { window.location.assign(answer.redirect); return; }
    if (answer.action === "authenticate") {
      return stripe.confirmCardPayment(form.dataset.paymentSecret).then(function () {
        return send({}).then(settle);
      });
    }
    show(answer.error || form.dataset.failed);
  }
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    message.hidden = true;
    stripe.confirmCardSetup(form.dataset.setupSecret, {payment_method: {card: card}})
      .then(function (result) {
        if (result.error) { show(result.error.message || form.dataset.failed); return; }
        return send({payment_method: result.setupIntent.payment_method}).then(settle);
      })
      .catch(function () { show(form.dataset.failed); });
  });
})();
