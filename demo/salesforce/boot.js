import { createElement } from 'lwc';
import App from 'one/app';

const app = createElement('one-app', { is: App });
document.getElementById('auraAppcacheProgress')?.remove();
document.querySelector('#oneApp').appendChild(app);
