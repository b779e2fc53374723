import { technicalRating } from "@barfinex/widgets";
import * as all from "@barfinex/widgets";
technicalRating([], { everyBars: true });
all.start();
