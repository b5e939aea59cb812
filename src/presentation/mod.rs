//! Pure helpers the views need, tested natively: the address after `#` (`route`), long
//! lists a page at a time (`paging`), and stacked bars in whole units (`stacking`).

pub mod paging;
pub mod route;
pub mod stacking;
