// expect: console-ui-is-generic
// Rule 6: the console's ui/ imports a console module.
import { Card } from "../modules/delta";

export const Widget = Card;
