// What `next start` does before loading any route: give Next's request scopes a real
// AsyncLocalStorage. Import this before anything that imports next/headers.
import "next/dist/server/node-environment-baseline";
