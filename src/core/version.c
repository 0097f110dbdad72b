/* The library's version, from the version.h it was built with: a program
 * compares it with CM_VERSION_STRING from the headers it was built with. */
#include "convoymap/version.h"

const char *cm_version(void)
{
    return CM_VERSION_STRING;
}
