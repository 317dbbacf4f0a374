/** Device credentials, sealed with AES-GCM before they reach the database. */
package io.longhaul.db.credential;
