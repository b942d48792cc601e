//===--- Channel.cpp - tether clang-tidy ----------------------------------===//
//
// Channels: the channel type, send, receive, make and close.
//
//===----------------------------------------------------------------------===//

#include "ApiModel.h"

namespace clang::tidy::tether::model {

bool ApiModel::isChannelType(QualType T) const {
  return typeHasRole(T, role::Channel, ChannelTypes);
}

bool ApiModel::isSend(const FunctionDecl *F) const {
  return functionHasRole(F, role::BlockingSend, SendFunctions);
}

bool ApiModel::isRecv(const FunctionDecl *F) const {
  return functionHasRole(F, role::BlockingRecv, RecvFunctions);
}

bool ApiModel::isMakeChannel(const FunctionDecl *F) const {
  return functionHasRole(F, role::MakeChannel, MakeChannelFunctions);
}

bool ApiModel::isClose(const FunctionDecl *F) const {
  return functionHasRole(F, role::Close, CloseFunctions);
}

} // namespace clang::tidy::tether::model
