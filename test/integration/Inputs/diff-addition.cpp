
void added_in_review(const tether::context &parent) {
  // A new leak, on a line the change adds.
  auto [ctx2, cancel2] = tether::with_cancel(parent);
  (void)ctx2.err();
}
