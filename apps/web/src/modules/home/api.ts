import { homeEndpoints as api } from "@sanshe/contracts/home";
import { useQuery } from "@tanstack/react-query";
import { call, endpointKey } from "../../ui/api";

/** GET /home/todos: what waits for the signed-in user, refreshed when the page regains focus. */
export function useHomeTodos() {
  return useQuery({
    queryKey: endpointKey(api.todos),
    queryFn: ({ signal }) => call(api.todos, {}, { signal }),
  });
}
