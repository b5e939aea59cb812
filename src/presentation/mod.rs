//! Pure helpers the views need, tested natively: the address after `#` (`route`), long
//! lists a page at a time (`paging`), stacked bars in whole units (`stacking`), and long
//! titles cut short at a word (`text`).

pub mod paging;
pub mod route;
pub mod stacking;
pub mod static_pages;
pub mod text;
