import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { leadershipGroupEndpoints as groups, planEndpoints as plans } from "@sanshe/contracts/leadership";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { getGroup, getPlan, listGroups, listPlans, listProgress, listResponsibilities } from "./queries.js";
import {
  addResponsibility,
  addTarget,
  createGroup,
  createPlan,
  removeResponsibility,
  reportProgress,
  updateGroup,
  updatePlan,
  updateResponsibility,
  updateTarget,
} from "./service.js";

/** Leadership groups with their responsibility lists, and the yearly plans with their targets. */
export const leadershipRoutes: FastifyPluginAsyncZod = async (app) => {
  serve(app, groups.list, async (request) => listGroups(requireActor(request.ctx), request.query));
  serve(app, groups.create, async (request) => createGroup(requireActor(request.ctx), request.body));
  serve(app, groups.get, async (request) => getGroup(requireActor(request.ctx), request.params.id));
  serve(app, groups.update, async (request) => updateGroup(requireActor(request.ctx), request.params.id, request.body));
  serve(app, groups.responsibilities, async (request) => listResponsibilities(requireActor(request.ctx), request.params.id, request.query));
  serve(app, groups.addResponsibility, async (request) => addResponsibility(requireActor(request.ctx), request.params.id, request.body));
  serve(app, groups.updateResponsibility, async (request) =>
    updateResponsibility(requireActor(request.ctx), request.params.id, request.body),
  );
  serve(app, groups.removeResponsibility, async (request) => removeResponsibility(requireActor(request.ctx), request.params.id));

  serve(app, plans.list, async (request) => listPlans(requireActor(request.ctx), request.query));
  serve(app, plans.create, async (request) => createPlan(requireActor(request.ctx), request.body));
  serve(app, plans.get, async (request) => getPlan(requireActor(request.ctx), request.params.id));
  serve(app, plans.update, async (request) => updatePlan(requireActor(request.ctx), request.params.id, request.body));
  serve(app, plans.addTarget, async (request) => addTarget(requireActor(request.ctx), request.params.id, request.body));
  serve(app, plans.updateTarget, async (request) => updateTarget(requireActor(request.ctx), request.params.id, request.body));
  serve(app, plans.progress, async (request) => listProgress(requireActor(request.ctx), request.params.id, request.query));
  serve(app, plans.reportProgress, async (request) => reportProgress(requireActor(request.ctx), request.params.id, request.body));
};
