import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { socialWorkerEndpoints as api } from "@sanshe/contracts";
import { requireActor } from "../../platform/ctx.js";
import { serve } from "../../platform/http/endpoint.js";
import { populationByUnit } from "../communities/index.js";
import { getWorker, getWorkforce, listPosts, listTrainings, listWorkers, type PopulationSource } from "./queries.js";
import { addPost, addTraining, createWorker, setWorkerCommunities, updateWorker } from "./service.js";

/** Routes of the social-workers registry; `population` feeds the workforce view (default: community profiles). */
export function socialWorkerRoutes(population: PopulationSource = populationByUnit): FastifyPluginAsyncZod {
  return async (app) => {
    const { config } = app.sanshe;
    const options = { trainingHoursPerYear: config.trainingHoursPerYear };

    serve(app, api.list, async (request) => listWorkers(requireActor(request.ctx), request.query, options));
    serve(app, api.create, async (request) => createWorker(requireActor(request.ctx), request.body, options));
    serve(app, api.workforce, async (request) =>
      getWorkforce(requireActor(request.ctx), request.query, { standardPerThousand: config.workforceStandardPerThousand, population }),
    );
    serve(app, api.get, async (request) => getWorker(requireActor(request.ctx), request.params.id, options));
    serve(app, api.update, async (request) => updateWorker(requireActor(request.ctx), request.params.id, request.body, options));
    serve(app, api.setCommunities, async (request) =>
      setWorkerCommunities(requireActor(request.ctx), request.params.id, request.body, options),
    );
    serve(app, api.trainings, async (request) => listTrainings(requireActor(request.ctx), request.params.id, request.query));
    serve(app, api.addTraining, async (request) => addTraining(requireActor(request.ctx), request.params.id, request.body));
    serve(app, api.posts, async (request) => listPosts(requireActor(request.ctx), request.params.id));
    serve(app, api.addPost, async (request) => addPost(requireActor(request.ctx), request.params.id, request.body));
  };
}
