/* CM_PRIVATE marks the library's private functions that its drawing module
 * (convoymap-render.so, render-api.h) calls: exported from libconvoymap.so so
 * that the module links to them, declared in no installed header, so not API. */
#ifndef CM_PRIVATE_EXPORT_H
#define CM_PRIVATE_EXPORT_H

#if defined(__GNUC__)
#define CM_PRIVATE __attribute__((visibility("default")))
#else
#define CM_PRIVATE
#endif

#endif
