package org.collaborative.app.item;

import org.springframework.stereotype.Component;

/** An item's type ({@code question}, {@code evidence}, {@code proposal}, as the views store it) in the pages' words. */
@Component("itemTypes")
public class ItemTypeLabels {

    public String label(String type) {
        return ItemType.fromKey(type).label();
    }
}
