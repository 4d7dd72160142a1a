/** What middleware hands every page and endpoint (src/middleware.ts). */
declare namespace App {
  interface Locals {
    /** The build's validated content. */
    content: import('./lib/content/load.ts').SiteContent;
  }
}
