//! GOV.UK pagination: previous and next, and links to pages by number.

use leptos::prelude::*;

use crate::presentation::paging::{PageLink, Paging};

const PREVIOUS_ARROW: &str = "m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062 1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z";
const NEXT_ARROW: &str = "m8.107-0.0078125-1.4136 1.414 4.2926 4.293h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z";

/// The page links for `paging`; `href` makes a page's address. Shows nothing for one page.
#[component]
pub fn Pagination(
    paging: Paging,
    href: impl Fn(usize) -> String + 'static,
    /// What the pages are of, for the landmark's name ("Pages of recommendations").
    of: &'static str,
) -> impl IntoView {
    if !paging.is_paged() {
        return ().into_any();
    }
    let previous = paging.previous().map(|n| {
        view! {
            <div class="govuk-pagination__prev">
                <a class="govuk-link govuk-pagination__link" href=href(n) rel="prev">
                    <svg class="govuk-pagination__icon govuk-pagination__icon--prev" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
                        <path d=PREVIOUS_ARROW></path>
                    </svg>
                    <span class="govuk-pagination__link-title">"Previous"<span class="govuk-visually-hidden">" page"</span></span>
                </a>
            </div>
        }
    });
    let next = paging.next().map(|n| {
        view! {
            <div class="govuk-pagination__next">
                <a class="govuk-link govuk-pagination__link" href=href(n) rel="next">
                    <span class="govuk-pagination__link-title">"Next"<span class="govuk-visually-hidden">" page"</span></span>
                    <svg class="govuk-pagination__icon govuk-pagination__icon--next" xmlns="http://www.w3.org/2000/svg" height="13" width="15" aria-hidden="true" focusable="false" viewBox="0 0 15 13">
                        <path d=NEXT_ARROW></path>
                    </svg>
                </a>
            </div>
        }
    });
    let links = paging
        .links()
        .into_iter()
        .map(|link| match link {
            PageLink::Gap => view! {
                <li class="govuk-pagination__item govuk-pagination__item--ellipsis">"⋯"</li>
            }
            .into_any(),
            PageLink::Page(n) => {
                let current = n == paging.page;
                view! {
                    <li class="govuk-pagination__item" class:govuk-pagination__item--current=current>
                        <a class="govuk-link govuk-pagination__link" href=href(n)
                            aria-label=format!("Page {n}") aria-current=current.then_some("page")>{n}</a>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <nav class="govuk-pagination" aria-label=format!("Pages of {of}")>
            {previous}
            <ul class="govuk-pagination__list">{links}</ul>
            {next}
        </nav>
    }
    .into_any()
}
