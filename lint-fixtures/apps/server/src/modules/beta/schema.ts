import { pgTable, text } from "drizzle-orm/pg-core";

export const betas = pgTable("betas", { id: text("id").primaryKey() });
