// Test tooling, not part of the app: the recommendations table built from a plan file with
// direct DOM calls, the fastest a page could show it, for the benchmark to compare with.

const file = new URLSearchParams(location.search).get('plan') ?? 'plan.json';
const { plan } = await (await fetch(file)).json();
const main = document.getElementById('main');
const h1 = document.createElement('h1');
h1.textContent = 'Recommendations';
main.append(h1);
for (const rec of plan.recommendations) {
  const section = document.createElement('section');
  section.dataset.recommendationId = rec.id;
  const h2 = document.createElement('h2');
  h2.textContent = `${rec.number}. ${rec.title}`;
  const context = document.createElement('p');
  context.textContent = rec.context;
  const table = document.createElement('table');
  const head = table.createTHead().insertRow();
  for (const name of ['Action', 'Timescale', 'Due', 'Lead', 'Status']) {
    const th = document.createElement('th');
    th.textContent = name;
    head.append(th);
  }
  const body = table.createTBody();
  for (const a of rec.actions) {
    const row = body.insertRow();
    for (const text of [a.text, a.timescale, a.due ?? 'Not set', a.leads.join('; '), a.status]) row.insertCell().textContent = text;
  }
  section.append(h2, context, table);
  main.append(section);
}
