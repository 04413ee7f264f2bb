package io.github.cameldeck.producer;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.github.cameldeck.client.Futures;
import io.github.cameldeck.client.Page;

/**
 * The items of a Deck list, one page in memory at a time: the next page is read (on the thread that asks for the next
 * item, waiting for Deck's answer) only when every item of the current one was taken. A failed read is thrown from
 * {@link #hasNext()} as the call's own exception.
 */
final class PageIterator<T> implements Iterator<T> {

    private final Function<String, CompletableFuture<Page<T>>> pages;
    private Page<T> page;
    private Iterator<T> items;

    PageIterator(Page<T> first, Function<String, CompletableFuture<Page<T>>> pages) {
        this.pages = pages;
        this.page = first;
        this.items = first.data().iterator();
    }

    @Override
    public boolean hasNext() {
        while (!items.hasNext() && page.hasMore()) {
            page = read(page.nextCursor());
            items = page.data().iterator();
        }
        return items.hasNext();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return items.next();
    }

    private Page<T> read(String cursor) {
        return Futures.await(pages.apply(cursor));
    }
}
