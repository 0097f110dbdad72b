/* convoymap — public API, all of it.
 *
 * Include this header and link with `pkg-config --libs convoymap`.
 */
#ifndef CONVOYMAP_H
#define CONVOYMAP_H

#include "bbox.h"
#include "borders.h"
#include "context.h"
#include "coords.h"
#include "geocode.h"
#include "geocode-report.h"
#include "geodesy.h"
#include "map.h"
#include "march.h"
#include "report.h"
#include "roads-import.h"
#include "roads.h"
#include "route.h"
#include "scenario.h"
#include "scene.h"
#include "tiles.h"
#include "units.h"
#include "version.h"

#endif
