//! Long lists a page at a time: which items a page holds, and which page links to offer,
//! as GOV.UK's pagination pattern has them (first, last, the current page and its
//! neighbours, with gaps between).

use std::ops::Range;

/// The recommendations page shows this many a page: every real plan fits on one.
pub const RECOMMENDATIONS_PER_PAGE: usize = 20;

/// The page (from 1) that shows the item at `index`.
pub fn page_of(index: usize, per_page: usize) -> usize {
    index / per_page.max(1) + 1
}

/// One page of a list of `total` items, `per_page` to a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paging {
    /// Counted from 1.
    pub page: usize,
    pub pages: usize,
    pub per_page: usize,
    pub total: usize,
}

/// A place in the row of page links.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageLink {
    Page(usize),
    /// Pages left out, shown as an ellipsis.
    Gap,
}

impl Paging {
    /// The page the address asks for (`?page=N`), or the nearest there is: a number past
    /// the end shows the last page, anything that is not a number the first.
    pub fn new(total: usize, per_page: usize, requested: Option<&str>) -> Paging {
        let per_page = per_page.max(1);
        let pages = total.div_ceil(per_page).max(1);
        let page = match requested.map(str::trim) {
            // All digits but too big to count: past the end, like any number past it.
            Some(p) if !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()) => {
                p.parse::<usize>().unwrap_or(usize::MAX)
            }
            _ => 1,
        }
        .clamp(1, pages);
        Paging {
            page,
            pages,
            per_page,
            total,
        }
    }

    /// Why the page the address asked for is not the one shown, in words for the officer.
    pub fn address_problem(self, requested: Option<&str>) -> Option<String> {
        let requested = requested?.trim();
        let shown: String = requested.chars().take(30).collect();
        match requested.parse::<usize>() {
            Ok(n) if n == self.page => None,
            Ok(0) => Some(format!("There is no page 0: this is page {}.", self.page)),
            _ if requested.bytes().all(|b| b.is_ascii_digit()) && !requested.is_empty() => {
                Some(format!(
                    "There is no page {shown}: there {} {} {}, and this is the last.",
                    if self.pages == 1 { "is" } else { "are" },
                    self.pages,
                    if self.pages == 1 { "page" } else { "pages" }
                ))
            }
            _ => Some(format!("“{shown}” is not a page number: this is page 1.")),
        }
    }

    /// The indices of the items on this page.
    pub fn range(self) -> Range<usize> {
        let start = (self.page - 1).saturating_mul(self.per_page);
        start.min(self.total)..start.saturating_add(self.per_page).min(self.total)
    }

    pub fn is_paged(self) -> bool {
        self.pages > 1
    }

    pub fn previous(self) -> Option<usize> {
        (self.page > 1).then(|| self.page - 1)
    }

    pub fn next(self) -> Option<usize> {
        (self.page < self.pages).then(|| self.page + 1)
    }

    /// The first, the last, the current page and one each side of it; a gap stands for
    /// two or more pages left out (a single page left out is shown instead).
    pub fn links(self) -> Vec<PageLink> {
        let shown = |n: usize| n == 1 || n == self.pages || n.abs_diff(self.page) <= 1;
        let mut links = Vec::new();
        let mut n = 1;
        while n <= self.pages {
            if shown(n) || (n > 1 && n < self.pages && shown(n - 1) && shown(n + 1)) {
                links.push(PageLink::Page(n));
                n += 1;
            } else {
                links.push(PageLink::Gap);
                while n <= self.pages && !shown(n) {
                    n += 1;
                }
            }
        }
        links
    }
}

#[cfg(test)]
mod tests {
    use super::PageLink::{Gap, Page};
    use super::*;

    #[test]
    fn a_list_that_fits_is_one_page() {
        let paging = Paging::new(13, 20, None);
        assert_eq!((paging.page, paging.pages, paging.range()), (1, 1, 0..13));
        assert!(!paging.is_paged());
        assert_eq!(Paging::new(0, 20, Some("3")).range(), 0..0);
    }

    #[test]
    fn pages_hold_their_share_and_the_last_what_is_left() {
        assert_eq!(Paging::new(200, 20, Some("2")).range(), 20..40);
        let last = Paging::new(205, 20, Some("11"));
        assert_eq!((last.pages, last.range()), (11, 200..205));
        assert_eq!((last.previous(), last.next()), (Some(10), None));
        assert_eq!(Paging::new(205, 20, None).previous(), None);
    }

    #[test]
    fn an_item_is_on_the_page_its_index_falls_in() {
        assert_eq!(page_of(0, 20), 1);
        assert_eq!(page_of(19, 20), 1);
        assert_eq!(page_of(20, 20), 2);
        assert_eq!(page_of(199, 20), 10);
        assert_eq!(page_of(5, 0), 6, "a page of none counts as one a page");
    }

    #[test]
    fn odd_page_numbers_go_to_the_nearest_page() {
        assert_eq!(Paging::new(200, 20, Some("99")).page, 10);
        assert_eq!(Paging::new(200, 20, Some("0")).page, 1);
        assert_eq!(Paging::new(200, 20, Some("two")).page, 1);
        assert_eq!(Paging::new(200, 20, Some(" 3 ")).page, 3);
    }

    #[test]
    fn links_keep_the_ends_and_the_neighbours() {
        let links = |page: &str, pages: usize| Paging::new(pages * 10, 10, Some(page)).links();
        assert_eq!(links("1", 1), vec![Page(1)]);
        assert_eq!(links("2", 3), vec![Page(1), Page(2), Page(3)]);
        assert_eq!(links("1", 10), vec![Page(1), Page(2), Gap, Page(10)]);
        assert_eq!(
            links("5", 10),
            vec![Page(1), Gap, Page(4), Page(5), Page(6), Gap, Page(10)]
        );
        // A gap of one page shows the page itself.
        assert_eq!(
            links("4", 10),
            vec![Page(1), Page(2), Page(3), Page(4), Page(5), Gap, Page(10)]
        );
        assert_eq!(links("10", 10), vec![Page(1), Gap, Page(9), Page(10)]);
    }
}
