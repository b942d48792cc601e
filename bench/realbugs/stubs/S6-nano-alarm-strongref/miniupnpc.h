// Stub for the realbugs harness: the declarations of a third-party library
// that nano-node's rai/node/node.cpp (b67feea68764, e888a66458d9) and the
// rai/ headers it includes use, written from those uses. Not the library's
// code; no function is defined.
#pragma once

#define UPNP_LOCAL_PORT_ANY 0
#define MINIUPNPC_URL_MAXSIZE 128

struct UPNPDev {
  UPNPDev *pNext;
  char *descURL;
  char *st;
  char *usn;
};
struct UPNPUrls {
  char *controlURL;
  char *ipcondescURL;
  char *controlURL_CIF;
  char *controlURL_6FC;
  char *rootdescURL;
};
struct IGDdatas_service {
  char servicetype[MINIUPNPC_URL_MAXSIZE];
};
struct IGDdatas {
  IGDdatas_service first;
};

UPNPDev *upnpDiscover(int, const char *, const char *, int, int, unsigned char,
                      int *);
void freeUPNPDevlist(UPNPDev *);
int UPNP_GetValidIGD(UPNPDev *, UPNPUrls *, IGDdatas *, char *, int);
