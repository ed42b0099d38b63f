import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Ant Design's component styles as one static stylesheet (App.tsx turns its run-time styles off).
import 'antd/dist/antd.css';
import './global.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
