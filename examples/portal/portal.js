// The host listens to the widget's events (they bubble and cross the shadow boundary).
const log = document.getElementById('event-log');
window.portalEvents = [];
for (const name of ['jixiao:ready', 'jixiao:change', 'jixiao:error']) {
  document.addEventListener(name, (event) => {
    const entry = { type: name, id: event.target.id, detail: event.detail || {} };
    window.portalEvents.push(entry);
    const item = document.createElement('li');
    item.textContent = `${entry.id} ${name} ${JSON.stringify(entry.detail)}`;
    log.appendChild(item);
  });
}
