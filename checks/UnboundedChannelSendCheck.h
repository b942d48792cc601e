//===--- UnboundedChannelSendCheck.h - tether clang-tidy --------*- C++ -*-===//
//
// Part of tether: clang-tidy checks for the C++ analogues of goroutine leaks.
//
//===----------------------------------------------------------------------===//

#ifndef TETHER_CHECKS_UNBOUNDEDCHANNELSENDCHECK_H
#define TETHER_CHECKS_UNBOUNDEDCHANNELSENDCHECK_H

#include "TetherCheck.h"
#include "model/ChannelParties.h"

namespace clang::tidy::tether {

/// Finds a blocking channel send in a spawned task that can never be
/// matched because every party that would receive can stop receiving first
/// (an early return, a select that times out, more senders than receives, a
/// second send on one path, no receiver at all, a return on the first error
/// while draining one value per sender), and a task that ranges over a
/// channel its producers do not close on every path.
///
/// For the user-facing documentation see:
/// docs/checks/tether-unbounded-channel-send.md
class UnboundedChannelSendCheck : public TetherCheck {
public:
  UnboundedChannelSendCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  struct SendTally;

  void registerCheckMatchers(ast_matchers::MatchFinder *Finder) override;
  /// The shapes of blocking sends (1 to 5 of the docs), in their order.
  void checkSends(const model::ChannelParties &Ch, ASTContext &Ctx);
  SendTally tallySends(const model::ChannelParties &Ch, ASTContext &Ctx);
  bool checkNoReceiver(const model::ChannelParties &Ch, const SendTally &Tally,
                       unsigned Sender, ASTContext &Ctx);
  bool checkReceiversStop(const model::ChannelParties &Ch,
                          const SendTally &Tally, unsigned Sender,
                          ASTContext &Ctx);
  bool checkDoubleSend(const model::ChannelParties &Ch, const SendTally &Tally,
                       unsigned Recvs, unsigned Room, ASTContext &Ctx);
  void checkMoreSendsThanReceives(const model::ChannelParties &Ch,
                                  const SendTally &Tally, unsigned Recvs,
                                  ASTContext &Ctx);
  /// Shape 7: the receiver drains one value per sender in a loop but can
  /// leave it (return or throw on the first error) before the last one.
  bool checkDrainLeftEarly(const model::ChannelParties &Ch,
                           const SendTally &Tally, ASTContext &Ctx);
  /// Shape 6: a task ranges over a channel no party closes on every path.
  void checkRangesNeverClosed(const model::ChannelParties &Ch, ASTContext &Ctx);

  /// The fix-it that buffers the channel for every send, where it is safe.
  void suggestBuffering(DiagnosticBuilder &Diag,
                        const model::ChannelParties &Ch,
                        const SendTally &Tally);
  void noteHowToFix(SourceLocation Loc, const SendTally &Tally);

  /// Offer the fix-it that buffers the channel (GFix's rules).
  const bool SuggestBuffering;
};

} // namespace clang::tidy::tether

#endif // TETHER_CHECKS_UNBOUNDEDCHANNELSENDCHECK_H
