//! [`Padded`]: a value alone on its cache lines.

/// A value alone on its cache lines (128 bytes: adjacent-line prefetch moves lines in pairs), so
/// that threads writing it do not take away the lines of the fields beside it, and writes to
/// those do not take away its line from threads that read it.
#[repr(align(128))]
#[derive(Debug, Default)]
pub(crate) struct Padded<T>(pub T);

impl<T> std::ops::Deref for Padded<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        &self.0
    }
}
