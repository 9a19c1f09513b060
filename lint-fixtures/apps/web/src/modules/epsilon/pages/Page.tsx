// expect: console-module-through-index
// Rule 6: a console module imports another console module's internals.
import { Card } from "../../delta/components/Card";

export const Page = Card;
