export { Layout, type LayoutProps } from './layout.js';
export { renderDocument } from './render.js';
export { usePage, type PageContext } from './context.js';
export { createNavigation, type Navigation, type NavItem } from './navigation.js';
export * from './components.js';
