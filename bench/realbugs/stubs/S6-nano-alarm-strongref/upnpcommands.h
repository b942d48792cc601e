// Stub for the realbugs harness: the declarations of a third-party library
// that nano-node's rai/node/node.cpp (b67feea68764, e888a66458d9) and the
// rai/ headers it includes use, written from those uses. Not the library's
// code; no function is defined.
#pragma once

#define UPNPCOMMAND_SUCCESS 0

int UPNP_AddAnyPortMapping(const char *, const char *, const char *,
                           const char *, const char *, const char *,
                           const char *, const char *, const char *, char *);
int UPNP_GetSpecificPortMappingEntry(const char *, const char *, const char *,
                                     const char *, const char *, char *, char *,
                                     char *, char *, char *);
int UPNP_GetExternalIPAddress(const char *, const char *, char *);
int UPNP_DeletePortMapping(const char *, const char *, const char *,
                           const char *, const char *);
