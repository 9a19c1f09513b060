import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  ActionItemIdParamsSchema,
  ActionItemListQuerySchema,
  ActionItemPageSchema,
  ActionItemReturnSchema,
  ActionItemSchema,
  ActionItemTransitionSchema,
  ProblemSchema,
  ProgressCreateSchema,
} from "@sanshe/contracts";
import { requireActor } from "../../../platform/ctx.js";
import { getActionItem, listActionItems } from "./queries.js";
import { acceptActionItem, addProgress, markActionItemDone, returnActionItem } from "./service.js";

const errors = { 400: ProblemSchema, 401: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema };
const writeErrors = { ...errors, 409: ProblemSchema };
const tags = ["meetings"];

/** Action items (督办事项) of meeting resolutions: their owners report progress, conveners accept or return them. */
export const actionItemRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/action-items",
    {
      schema: {
        summary: "Your action items (督办事项): those you own, or (role=convener) those of meetings you convened",
        tags,
        querystring: ActionItemListQuerySchema,
        response: { 200: ActionItemPageSchema, ...errors },
      },
      config: { access: "meetings.read" },
    },
    async (request) => listActionItems(requireActor(request.ctx), request.query),
  );

  app.get(
    "/action-items/:id",
    {
      schema: {
        summary: "One action item with its progress history",
        tags,
        params: ActionItemIdParamsSchema,
        response: { 200: ActionItemSchema, ...errors },
      },
      config: { access: "meetings.read" },
    },
    async (request) => getActionItem(requireActor(request.ctx), request.params.id),
  );

  app.post(
    "/action-items/:id/progress",
    {
      schema: {
        summary: "Report progress with evidence (owner); Idempotency-Key supported",
        tags,
        params: ActionItemIdParamsSchema,
        body: ProgressCreateSchema,
        response: { 201: ActionItemSchema, ...writeErrors },
      },
      config: { access: "action_items.handle" },
    },
    async (request, reply) => reply.status(201).send(await addProgress(requireActor(request.ctx), request.params.id, request.body)),
  );

  app.post(
    "/action-items/:id/done",
    {
      schema: {
        summary: "Mark the action item done (owner); the convener accepts or returns it",
        tags,
        params: ActionItemIdParamsSchema,
        body: ActionItemTransitionSchema,
        response: { 200: ActionItemSchema, ...writeErrors },
      },
      config: { access: "action_items.handle" },
    },
    async (request) => markActionItemDone(requireActor(request.ctx), request.params.id, request.body),
  );

  app.post(
    "/action-items/:id/accept",
    {
      schema: {
        summary: "Accept a done action item (convener): closed",
        tags,
        params: ActionItemIdParamsSchema,
        body: ActionItemTransitionSchema,
        response: { 200: ActionItemSchema, ...writeErrors },
      },
      config: { access: "meetings.convene" },
    },
    async (request) => acceptActionItem(requireActor(request.ctx), request.params.id, request.body),
  );

  app.post(
    "/action-items/:id/return",
    {
      schema: {
        summary: "Send a done action item back with a reason (convener): open again",
        tags,
        params: ActionItemIdParamsSchema,
        body: ActionItemReturnSchema,
        response: { 200: ActionItemSchema, ...writeErrors },
      },
      config: { access: "meetings.convene" },
    },
    async (request) => returnActionItem(requireActor(request.ctx), request.params.id, request.body),
  );
};
