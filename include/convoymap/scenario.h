/* convoymap — EXAMPLE DATA, not planning data: the reference scenario.
 *
 * A fixed example, the 2019 convoy from Jordan to Ayn al-Asad Air Base:
 * what the convoymap program draws when given no route, and the project's
 * test case. The waypoints in travel order and the sites marked for
 * orientation are gazetteer queries. A program plans its own routes
 * (route.h); these lists may change in any release.
 */
#ifndef CONVOYMAP_SCENARIO_H
#define CONVOYMAP_SCENARIO_H

#include "context.h"

#ifdef __cplusplus
extern "C" {
#endif

/* NULL-terminated list of waypoint queries, start first. Static storage. */
CM_API const char *const *cm_reference_waypoints(void);

/* NULL-terminated list of queries for the sites marked beside the route.
 * Static storage. */
CM_API const char *const *cm_reference_markers(void);

/* Title of the reference map. Static storage. */
CM_API const char *cm_reference_title(void);

#ifdef __cplusplus
}
#endif

#endif
