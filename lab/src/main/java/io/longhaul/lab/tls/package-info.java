/** The lab's certificate authority and the server certificates of its HTTPS devices. */
package io.longhaul.lab.tls;
