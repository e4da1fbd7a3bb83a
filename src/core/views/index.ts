export * from './components.js';
export { type PageContext, usePage } from './context.js';
export { JsonLd, scriptJson } from './json-ld.js';
export { Layout, type LayoutProps } from './layout.js';
export { createNavigation, type NavItem, type Navigation } from './navigation.js';
export { renderDocument } from './render.js';
