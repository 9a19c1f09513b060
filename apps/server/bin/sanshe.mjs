#!/usr/bin/env node
// The `sanshe` command: runs the TypeScript CLI through tsx (see docs/decisions/0005-run-typescript-with-tsx.md).
import { register } from "tsx/esm/api";

register();
await import("../src/main.ts");
