import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { adminTaskEndpoints as tasks, communityQueueEndpoints as queue, departmentEndpoints as depts } from "@sanshe/contracts/admin-tasks";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { createDepartment, listDepartmentRefs, listDepartments, updateDepartment } from "./departments.js";
import { getTask, listQueue, listRefusals, listTasks, listUnadmitted } from "./queries.js";
import { completeOccurrence, refuseDemand } from "./queue.js";
import { applyForTask, decideTask, resubmitTask, takeBackTask, withdrawTask } from "./service.js";

/** Departments, administrative task applications and admission (准入), take-back (回收). */
export const adminTaskRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, depts.refs, async (request) => listDepartmentRefs(requireActor(request.ctx), request.query));
  serve(app, depts.list, async (request) => listDepartments(requireActor(request.ctx), request.query));
  serve(app, depts.create, async (request) => createDepartment(requireActor(request.ctx), request.body));
  serve(app, depts.update, async (request) => updateDepartment(requireActor(request.ctx), request.params.id, request.body));

  serve(app, tasks.list, async (request) => listTasks(requireActor(request.ctx), request.query));
  serve(app, tasks.apply, async (request) => applyForTask(requireActor(request.ctx), request.body));
  serve(app, tasks.get, async (request) => getTask(requireActor(request.ctx), request.params.id));
  serve(app, tasks.resubmit, async (request) => resubmitTask(requireActor(request.ctx), request.params.id, request.body));
  serve(app, tasks.withdraw, async (request) => withdrawTask(requireActor(request.ctx), request.params.id, request.body.version));
  serve(app, tasks.decide, async (request) => decideTask(requireActor(request.ctx), request.params.id, request.body));
  serve(app, tasks.takeBack, async (request) => takeBackTask(requireActor(request.ctx), request.params.id, request.body));
};

/** A community's work queue: occurrences, time logs, one-click refusal of demands never admitted. */
export const communityQueueRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, queue.occurrences, async (request) => listQueue(requireActor(request.ctx), request.query));
  serve(app, queue.unadmitted, async (request) => listUnadmitted(requireActor(request.ctx), request.query));
  serve(app, queue.refusals, async (request) => listRefusals(requireActor(request.ctx), request.query));
  serve(app, queue.refuse, async (request) => refuseDemand(requireActor(request.ctx), request.body));
  serve(app, queue.complete, async (request) => completeOccurrence(requireActor(request.ctx), request.params.id, request.body));
};
