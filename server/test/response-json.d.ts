// Without the DOM library, Node's fetch types make `Response.json()` return `Promise<unknown>`; tests read
// answers they have just asserted the status of, so they get the DOM's `Promise<any>` back, as before.
export {};

declare global {
  interface Response {
    json(): Promise<any>;
  }
}
