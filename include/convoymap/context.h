/* convoymap — context: where the shipped data lives, and the last error.
 *
 * Every convoymap object is created from a cm_context. The context owns the
 * PROJ context and the path of the data directory, and records the status
 * and message of the last failed call made through it, so that a caller can
 * print one line that names the bad value. A context and the objects made
 * from it must be used from one thread at a time; use one context per thread.
 */
#ifndef CONVOYMAP_CONTEXT_H
#define CONVOYMAP_CONTEXT_H

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define CM_API __attribute__((visibility("default")))
#else
#define CM_API
#endif

typedef enum cm_status {
    CM_OK = 0,
    /* The caller's input is wrong: an unknown site, a bad coordinate, an
     * unsupported output format. */
    CM_ERR_INPUT,
    /* Reading shipped data or writing output failed. */
    CM_ERR_IO,
    /* Shipped data is missing or corrupt. */
    CM_ERR_DATA,
    /* PROJ, GDAL or Cairo refused an operation, or a module of the library
     * could not be loaded. */
    CM_ERR_LIBRARY,
    /* The caller cancelled a long operation (cm_tiler_cancel()); what was
     * finished is kept. */
    CM_ERR_CANCELLED,
} cm_status;

typedef struct cm_context cm_context;

/* Creates a context reading shipped data from data_dir, or, when data_dir
 * is NULL, from $CONVOYMAP_DATA or else the installed data directory. A
 * data directory holds geodata/ and styles/; its geodata/ folder itself is
 * accepted too. A program run from the build tree finds the data, the
 * gazetteer index and the modules through $CONVOYMAP_DATA and
 * $CONVOYMAP_BUILD_DIR, which the tests and `meson devenv` set. Returns
 * NULL only when memory runs out or no data directory exists; then, if
 * message is not NULL, *message receives a description the caller frees
 * with cm_free(). */
CM_API cm_context *cm_context_new(const char *data_dir, char **message);

/* Frees the context. Objects created from it must be freed first. */
CM_API void cm_context_free(cm_context *context);

/* The data directory in use; owned by the context. */
CM_API const char *cm_context_data_dir(const cm_context *context);

/* Status of the last failed call made through this context, CM_OK if none. */
CM_API cm_status cm_context_status(const cm_context *context);

/* One-line message describing the last failure, "" if none; owned by the
 * context and valid until the next call that fails. */
CM_API const char *cm_context_message(const cm_context *context);

/* Forgets the last failure. */
CM_API void cm_context_clear_error(cm_context *context);

/* Frees a string or buffer returned by convoymap (text, image bytes, WKB,
 * point arrays). NULL is allowed. */
CM_API void cm_free(void *buffer);

/* Name of a status, e.g. "input error". Static storage. */
CM_API const char *cm_status_name(cm_status status);

#ifdef __cplusplus
}
#endif

#endif
