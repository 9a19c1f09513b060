// Every server test runs with the modules assembled, as the server and the CLI do: the error
// catalog and the permission table are filled from the manifests (modules/registry.ts).
import "../src/modules/registry.js";
